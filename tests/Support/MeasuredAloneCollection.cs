namespace SharedServicesPipeline.Tests.Support;

/// <summary>Tests that measure the process (memory, time) run with no other test beside them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasuredAloneCollection
{
    public const string Name = "Measured alone";
}
