using SharedServicesPipeline.Pipeline.Reading;

namespace SharedServicesPipeline.Tests.Support;

/// <summary>
/// Everything a workbook reader gives, read to the end: each sheet's name, visibility and merged ranges, and its rows'
/// values as <see cref="SubmissionReader"/> keeps them (blank text as null, unpaired surrogates replaced), trailing
/// blanks trimmed. Two readers agree on a workbook when their snapshots are equal.
/// </summary>
internal sealed record WorkbookSnapshot(IReadOnlyList<SheetSnapshot> Sheets, string? Failure)
{
    /// <summary>Rows read per sheet at most (a sheet of a million blank rows is compared on its first ones).</summary>
    public const int RowLimit = 25_000;

    public static WorkbookSnapshot Of(byte[] workbook, bool excelDataReader)
    {
        var sheets = new List<SheetSnapshot>();
        try
        {
            using var reader = WorkbookReaders.Open(new MemoryStream(workbook, writable: false), SubmissionFormat.OpenXml, excelDataReader);
            do
            {
                var sheet = new SheetSnapshot(reader.Name, reader.VisibleState, [.. reader.MergeCells ?? []], []);
                sheets.Add(sheet);
                while (sheet.Rows.Count < RowLimit && reader.Read())
                {
                    var row = new object?[reader.FieldCount];
                    for (var i = 0; i < row.Length; i++)
                    {
                        row[i] = Clean(reader.GetValue(i));
                    }

                    sheet.Rows.Add(row[..(Array.FindLastIndex(row, v => v is not null) + 1)]);
                }
            }
            while (reader.NextResult());
        }
        catch (Exception ex)
        {
            return new WorkbookSnapshot(sheets, $"{ex.GetType().Name}: {ex.Message}");
        }

        return new WorkbookSnapshot(sheets, null);
    }

    /// <summary>The first difference from <paramref name="other"/>, or null when they agree.</summary>
    public string? DifferenceFrom(WorkbookSnapshot other, Func<object?, object?, bool>? sameValue = null)
    {
        sameValue ??= Equals;
        if ((Failure is null) != (other.Failure is null))
        {
            return $"failure: '{Failure}' against '{other.Failure}'";
        }

        // Both failed: each got as far as it got (ExcelDataReader parses every sheet before its first row; ours as it goes).
        if (Failure is null && Sheets.Count != other.Sheets.Count)
        {
            return $"{Sheets.Count} sheets against {other.Sheets.Count}";
        }

        for (var s = 0; s < Math.Min(Sheets.Count, other.Sheets.Count); s++)
        {
            var (mine, theirs) = (Sheets[s], other.Sheets[s]);
            if ((mine.Name, mine.VisibleState) != (theirs.Name, theirs.VisibleState) || !mine.Merges.SequenceEqual(theirs.Merges))
            {
                return $"sheet {s}: '{mine.Name}' {mine.VisibleState} [{string.Join(' ', mine.Merges)}] against '{theirs.Name}' {theirs.VisibleState} [{string.Join(' ', theirs.Merges)}]";
            }

            // A failure part-way through a sheet leaves each reader at a different row: compare the rows both read.
            var rows = Failure is null ? Math.Max(mine.Rows.Count, theirs.Rows.Count) : Math.Min(mine.Rows.Count, theirs.Rows.Count);
            for (var r = 0; r < rows; r++)
            {
                if (r >= mine.Rows.Count || r >= theirs.Rows.Count)
                {
                    return $"sheet '{mine.Name}': {mine.Rows.Count} rows against {theirs.Rows.Count}";
                }

                var (a, b) = (mine.Rows[r], theirs.Rows[r]);
                if (a.Length != b.Length || !a.Zip(b).All(p => sameValue(p.First, p.Second)))
                {
                    return $"sheet '{mine.Name}' row {r + 1}: [{Show(a)}] against [{Show(b)}]";
                }
            }
        }

        return null;
    }

    private static object? Clean(object? value) =>
        value is string s ? (string.IsNullOrWhiteSpace(s) ? null : UnpairedSurrogates.Replace(s)) : value;

    private static string Show(object?[] row) =>
        string.Join(" | ", row.Select(v => v is null ? "∅" : $"{v.GetType().Name} {(v is string s && s.Length > 40 ? s[..40] + "…" : v)}"));
}

internal sealed record SheetSnapshot(string Name, string? VisibleState, IReadOnlyList<MergedRange> Merges, List<object?[]> Rows);
