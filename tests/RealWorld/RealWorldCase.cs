namespace SharedServicesPipeline.Tests.RealWorld;

/// <summary>
/// One council's submission as it would really arrive, with what a careful person reading it would expect: the
/// arrangements loaded and their values, the rows sent back (rejected or held) and why, and the warnings owed.
/// </summary>
internal sealed class RealWorldCase(string name, string story, Func<byte[]> bytes, string defaultSheet)
{
    private readonly List<ExpectedArrangement> _loaded = [];
    private readonly List<ExpectedRowProblem> _notLoaded = [];
    private readonly List<ExpectedWarning> _warnings = [];

    /// <summary>The file name it arrives under (its extension is what the council gave it, not necessarily its format).</summary>
    public string Name { get; } = name;

    /// <summary>How the council made it: the program, the layout, what is odd about it.</summary>
    public string Story { get; } = story;

    public string DefaultSheet { get; } = defaultSheet;

    public Func<byte[]> Bytes { get; } = bytes;

    /// <summary>Arrangements read (the logical rows: title, notes, example and continuation rows are not counted).</summary>
    public int? RowsRead { get; private set; }

    /// <summary>A file-level reason code when the whole file should be refused.</summary>
    public string? FileError { get; private set; }

    public IReadOnlyList<ExpectedArrangement> Loaded => _loaded;

    public IReadOnlyList<ExpectedRowProblem> NotLoaded => _notLoaded;

    public IReadOnlyList<ExpectedWarning> Warnings => _warnings;

    public RealWorldCase Reads(int rows)
    {
        RowsRead = rows;
        return this;
    }

    public RealWorldCase Loads(params ExpectedArrangement[] arrangements)
    {
        _loaded.AddRange(arrangements.Select(a => a with { Sheet = a.Sheet ?? DefaultSheet }));
        return this;
    }

    public RealWorldCase Rejects(int row, string code, string? sheet = null)
    {
        _notLoaded.Add(new ExpectedRowProblem(sheet ?? DefaultSheet, row, Held: false, code));
        return this;
    }

    public RealWorldCase Holds(int row, string code, string? sheet = null)
    {
        _notLoaded.Add(new ExpectedRowProblem(sheet ?? DefaultSheet, row, Held: true, code));
        return this;
    }

    /// <summary>A warning that must be given (on a row, or on the file when <paramref name="row"/> is null).</summary>
    public RealWorldCase Warns(string code, int? row = null, string? sheet = null)
    {
        _warnings.Add(new ExpectedWarning(row is null ? null : sheet ?? DefaultSheet, row, code));
        return this;
    }

    public RealWorldCase RefusedWith(string code)
    {
        FileError = code;
        return this;
    }

    public override string ToString() => Name;
}

internal sealed record ExpectedRowProblem(string Sheet, int Row, bool Held, string Code);

internal sealed record ExpectedWarning(string? Sheet, int? Row, string Code);
