namespace SharedServicesPipeline.Pipeline.Reading;

/// <summary>
/// Where the partners of an arrangement read from several rows were written: a continuation row, or a row of a partners
/// sheet. A problem with one of these partners points at that row rather than at the arrangement's first row.
/// </summary>
public sealed record PartnerSource(string Text, string Sheet, int Row, string Column);
