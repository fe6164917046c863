namespace SharedServicesPipeline.Bench.Reporting;

/// <summary>One measured figure (wall clock, with processor time beside it), and its target when it has one.</summary>
/// <param name="Pass">True or false against the target; null when the figure has no target.</param>
internal sealed record Figure(string Measure, string Value, string Cpu = "", string Target = "", bool? Pass = null)
{
    public string Result => Pass switch
    {
        true => "PASS",
        false => "MISS",
        null => "",
    };
}
