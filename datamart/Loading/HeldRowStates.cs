namespace SharedServicesPipeline.DataMart.Loading;

internal static class HeldRowStates
{
    public const string Held = "held";
    public const string Loaded = "loaded";
    public const string Rejected = "rejected";
}
