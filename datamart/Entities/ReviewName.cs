namespace SharedServicesPipeline.DataMart.Entities;

/// <summary>
/// A partner name that held rows back, for a person to resolve (add an alias or correct the register).
/// Kept from the held rows after every load and refresh; published as the <c>review_names</c> extract, whose columns
/// are in the order declared here.
/// </summary>
public sealed class ReviewName
{
    public int ReviewNameKey { get; set; }

    /// <summary>The name as first submitted.</summary>
    public required string Name { get; set; }

    /// <summary>The name canonicalised (case, punctuation, &amp;/and, spacing), so spellings of one name share a row.</summary>
    public required string NameKey { get; set; }

    /// <summary>open while rows are held for it; resolved once none is.</summary>
    public required string Status { get; set; }

    /// <summary>How many rows still held name it.</summary>
    public int Occurrences { get; set; }

    public DateTimeOffset FirstSeenAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }

    public string? Candidate1Code { get; set; }

    public string? Candidate1Name { get; set; }

    public double? Candidate1Score { get; set; }

    public string? Candidate2Code { get; set; }

    public string? Candidate2Name { get; set; }

    public double? Candidate2Score { get; set; }

    public string? Candidate3Code { get; set; }

    public string? Candidate3Name { get; set; }

    public double? Candidate3Score { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }
}
