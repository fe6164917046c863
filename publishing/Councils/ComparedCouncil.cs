namespace SharedServicesPipeline.Publishing.Councils;

/// <summary>
/// A council as the comparisons see it (from dim_authority's current version): its type and tier, where it is, when it
/// existed, and its centre (the centroid of its boundary where the data has one, else the register's coordinates).
/// </summary>
public sealed record ComparedCouncil(
    string Code,
    string Name,
    string Type,
    string Tier,
    string? Region,
    string? Nation,
    string? ParentCode,
    DateOnly? ExistedFrom,
    DateOnly? ExistedTo,
    double? Longitude,
    double? Latitude,
    IReadOnlyList<BoundaryArea> Areas)
{
    /// <summary>The English region, else the nation.</summary>
    public string Place => Region is { Length: > 0 } ? Region : Nation ?? "";

    public bool HasPolygon => Areas.Count > 0;

    /// <summary>Whether the two councils existed at the same time (open dates are open).</summary>
    public bool Coexists(ComparedCouncil other) =>
        (ExistedFrom ?? DateOnly.MinValue) <= (other.ExistedTo ?? DateOnly.MaxValue) && (other.ExistedFrom ?? DateOnly.MinValue) <= (ExistedTo ?? DateOnly.MaxValue);

    /// <summary>Great-circle distance between the two centres in km, or null when either has no position.</summary>
    public double? DistanceKm(ComparedCouncil other)
    {
        if (Latitude is not { } lat1 || Longitude is not { } lon1 || other.Latitude is not { } lat2 || other.Longitude is not { } lon2)
        {
            return null;
        }

        const double EarthRadiusKm = 6371.0;
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var a = Math.Pow(Math.Sin(Radians(lat2 - lat1) / 2), 2)
            + Math.Cos(Radians(lat1)) * Math.Cos(Radians(lat2)) * Math.Pow(Math.Sin(Radians(lon2 - lon1) / 2), 2);
        return Math.Round(2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a))), 1);
    }
}
