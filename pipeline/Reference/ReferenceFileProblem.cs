namespace SharedServicesPipeline.Pipeline.Reference;

/// <summary>Something wrong in an operator's reference file, at a line an operator can find (1 is the header).</summary>
public sealed record ReferenceFileProblem(string File, int Line, string Message)
{
    public override string ToString() => $"{File} line {Line}: {Message}";
}
