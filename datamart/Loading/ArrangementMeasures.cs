using SharedServicesPipeline.DataMart.Entities;

namespace SharedServicesPipeline.DataMart.Loading;

/// <summary>
/// Derived measures of an arrangement: counts, cross-tier, cross-sector and the greatest distance between partners.
/// Computed from the dim_authority versions the bridge points at, so that the measures and the bridge always agree.
/// </summary>
internal static class ArrangementMeasures
{
    public const string Council = "council";
    public const string CombinedAuthority = "combined_authority";

    public static int CouncilCount(IReadOnlyCollection<DimAuthority> partners) => partners.Count(p => p.Sector == Council);

    /// <summary>A lower-tier district with an upper-tier county or a single-tier council.</summary>
    public static bool IsCrossTier(IReadOnlyCollection<DimAuthority> partners)
    {
        var councils = partners.Where(p => p.Sector == Council).ToList();
        return councils.Any(p => p.TierLevel == "lower") && councils.Any(p => p.TierLevel is "upper" or "single");
    }

    /// <summary>Includes a body that is not local government: police, fire, health, a national park or other.</summary>
    public static bool IsCrossSector(IReadOnlyCollection<DimAuthority> partners) =>
        partners.Any(p => p.Sector is not (Council or CombinedAuthority));

    public static double? MaxDistanceKm(IReadOnlyCollection<DimAuthority> partners)
    {
        var points = partners.Where(p => p.Latitude is not null && p.Longitude is not null).ToList();
        double? max = null;
        for (var i = 0; i < points.Count; i++)
        {
            for (var j = i + 1; j < points.Count; j++)
            {
                var d = Haversine(points[i].Latitude!.Value, points[i].Longitude!.Value, points[j].Latitude!.Value, points[j].Longitude!.Value);
                max = max is null || d > max ? d : max;
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
