namespace SharedServicesPipeline.Functions.Storage;

/// <summary>Container names (configuration section <c>Containers</c>); the defaults are what infra/ creates.</summary>
public sealed class StorageOptions
{
    public const string Section = "Containers";

    public string Incoming { get; set; } = "incoming";
    public string Processed { get; set; } = "processed";
    public string Rejected { get; set; } = "rejected";
    public string Reports { get; set; } = "reports";
    public string Extracts { get; set; } = "extracts";
    public string Reference { get; set; } = "reference";

    /// <summary>The static website's container, where every refresh copies dashboard.html.</summary>
    public string Website { get; set; } = "$web";
}
