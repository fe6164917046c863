namespace SharedServicesPipeline.Pipeline.Submissions;

/// <summary>The council a submission came from, by the folder it was dropped in (<c>incoming/E07000223/…</c>).</summary>
/// <param name="Code">Its GSS code.</param>
/// <param name="Name">Its name in the register, for messages.</param>
public sealed record SubmittingCouncil(string Code, string Name)
{
    public override string ToString() => $"{Name} ({Code})";
}
