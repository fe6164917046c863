namespace SharedServicesPipeline.Functions.PowerBi;

/// <summary>
/// Configuration section <c>PowerBI</c>: after each published run, ask the Power BI service to refresh the dataset
/// that reads the extracts. Off by default. The app's identity (a managed identity, or a service principal through
/// DefaultAzureCredential) must be allowed to use the Power BI API and be a member of the workspace.
/// </summary>
public sealed class PowerBiOptions
{
    public const string Section = "PowerBI";

    /// <summary>
    /// True or false to say so; unset, it is on exactly when both ids are set (infra/ passes empty ids to mean off).
    /// Nothing configured means off.
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>Whether the refresh is asked for, from <see cref="Enabled"/> and the ids.</summary>
    public bool IsOn => Enabled ?? (!string.IsNullOrWhiteSpace(WorkspaceId) && !string.IsNullOrWhiteSpace(DatasetId));

    /// <summary>The workspace (group) id, a GUID from the workspace's address.</summary>
    public string? WorkspaceId { get; set; }

    /// <summary>The dataset (semantic model) id, a GUID from the dataset's settings address.</summary>
    public string? DatasetId { get; set; }

    /// <summary>Client id of a user-assigned managed identity; empty for DefaultAzureCredential.</summary>
    public string? ClientId { get; set; }

    /// <summary>The Power BI REST API; changed only for a sovereign cloud (or a test).</summary>
    public Uri ApiBaseAddress { get; set; } = new("https://api.powerbi.com/");

    /// <summary>The token scope for the Power BI REST API.</summary>
    public string Scope { get; set; } = "https://analysis.windows.net/powerbi/api/.default";
}
