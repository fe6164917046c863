namespace SharedServicesPipeline.DataMart.Entities;

/// <summary>Audit of every submission loaded. Declared in the order the dim_submission extract publishes its columns.</summary>
public sealed class DimSubmission
{
    public int SubmissionKey { get; set; }
    public required string SubmissionId { get; set; }
    public required string FileName { get; set; }
    public required string Sha256 { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public string? Submitter { get; set; }
    public int RowsRead { get; set; }
    public int RowsAccepted { get; set; }
    public int RowsRejected { get; set; }
    public int RowsHeld { get; set; }
    public required string PipelineVersion { get; set; }

    /// <summary>The GSS code of the council that submitted it from its own folder (incoming/&lt;code&gt;/); null for the programme team's files.</summary>
    public string? SubmittingCouncil { get; set; }

    /// <summary>The submitting authority as the return names it above its header ("Kent district councils, collated by the county").</summary>
    public string? ReturnAuthority { get; set; }

    /// <summary>Its GSS code when it names exactly one council.</summary>
    public string? ReturnAuthorityCode { get; set; }

    /// <summary>The financial year the return says it covers ("2017/18").</summary>
    public string? ReturnPeriod { get; set; }
    public DateTimeOffset LoadedAt { get; set; }
}
