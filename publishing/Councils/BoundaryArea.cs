namespace SharedServicesPipeline.Publishing.Councils;

/// <summary>
/// One council area of the boundary data: its GSS code and name, the layer it came from (<c>ltla</c> or <c>utla</c>),
/// the years it is valid (<c>start &lt;= year &lt; end</c>, open where the data has none), the arcs that make its
/// outline (as indices into the topology's arcs, direction dropped) and its centre (area-weighted centroid).
/// </summary>
public sealed record BoundaryArea(string Code, string Name, string Layer, int? Start, int? End, IReadOnlySet<int> Arcs, double Longitude, double Latitude)
{
    public bool IsValidIn(int year) => (Start is null || Start <= year) && (End is null || year < End);

    /// <summary>Whether the two areas were ever valid in the same year.</summary>
    public bool Coexists(BoundaryArea other) =>
        (Start ?? int.MinValue) < (other.End ?? int.MaxValue) && (other.Start ?? int.MinValue) < (End ?? int.MaxValue);
}
