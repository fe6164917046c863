namespace SharedServicesPipeline.HostileFiles;

/// <summary>
/// One hostile submission: its class (what kind of attack), a name, the file name it arrives under, how to make its
/// bytes, and the outcome a clear answer gives: the file error's reason code, or null when the file must be read.
/// </summary>
public sealed record HostileCase(string Class, string Name, string FileName, Func<byte[]> Build, string? Code)
{
    /// <summary>The worst case of its class: the one the bench measures for the class.</summary>
    public bool Worst { get; init; }

    public override string ToString() => $"{Class}: {Name}";
}
