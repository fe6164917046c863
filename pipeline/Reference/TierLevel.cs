namespace SharedServicesPipeline.Pipeline.Reference;

public enum TierLevel
{
    Upper,
    Lower,
    Single,
    Other,
}
