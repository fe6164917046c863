namespace SharedServicesPipeline.Pipeline.Loading;

/// <summary>
/// Derived measures of an arrangement: counts, cross-tier, cross-sector and the greatest distance between partners.
/// Computed from the partner versions the bridge points at, so that the measures and the bridge always agree. Loops,
/// not LINQ: asked for every arrangement a load writes.
/// </summary>
public static class ArrangementMeasures
{
    public const string Council = "council";
    public const string CombinedAuthority = "combined_authority";

    public static int CouncilCount<T>(IReadOnlyList<T> partners)
        where T : IMeasuredPartner
    {
        var count = 0;
        for (var i = 0; i < partners.Count; i++)
        {
            count += partners[i].Sector == Council ? 1 : 0;
        }

        return count;
    }

    /// <summary>A lower-tier district with an upper-tier county or a single-tier council.</summary>
    public static bool IsCrossTier<T>(IReadOnlyList<T> partners)
        where T : IMeasuredPartner
    {
        bool lower = false, upper = false;
        for (var i = 0; i < partners.Count; i++)
        {
            if (partners[i].Sector == Council)
            {
                lower |= partners[i].TierLevel == "lower";
                upper |= partners[i].TierLevel is "upper" or "single";
            }
        }

        return lower && upper;
    }

    /// <summary>Includes a body that is not local government: police, fire, health, a national park or other.</summary>
    public static bool IsCrossSector<T>(IReadOnlyList<T> partners)
        where T : IMeasuredPartner
    {
        for (var i = 0; i < partners.Count; i++)
        {
            if (partners[i].Sector is not (Council or CombinedAuthority))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The greatest distance between two located partners, in km to one decimal; null with fewer than two located.</summary>
    public static double? MaxDistanceKm<T>(IReadOnlyList<T> partners)
        where T : IMeasuredPartner
    {
        double? max = null;
        for (var i = 0; i < partners.Count; i++)
        {
            if (partners[i] is not { Latitude: { } lat1, Longitude: { } lon1 })
            {
                continue;
            }

            for (var j = i + 1; j < partners.Count; j++)
            {
                if (partners[j] is { Latitude: { } lat2, Longitude: { } lon2 })
                {
                    var d = Haversine(lat1, lon1, lat2, lon2);
                    max = max is null || d > max ? d : max;
                }
            }
        }

        return max is null ? null : Math.Round(max.Value, 1);
    }

    public static double Haversine(double lat1, double lon1, double lat2, double lon2)
    {
        const double EarthRadiusKm = 6371.0088;
        var dLat = double.DegreesToRadians(lat2 - lat1);
        var dLon = double.DegreesToRadians(lon2 - lon1);
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) +
                (Math.Cos(double.DegreesToRadians(lat1)) * Math.Cos(double.DegreesToRadians(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
