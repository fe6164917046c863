using SharedServicesPipeline.Pipeline.Reading.OpenXml;

namespace SharedServicesPipeline.Pipeline.Reading;

/// <summary>
/// The limits one read of one file is held to, from <see cref="IntakeOptions"/> and the file's size: what keeps its
/// memory and time bounded whatever it contains. Some are in proportion to the file (a 500 KB file cannot hold a
/// million shared strings), some are far past what Excel itself allows (a cell's text, styles, nesting).
/// </summary>
internal sealed class ReadLimits
{
    /// <summary>Excel allows 64,000 cell formats; numbers past this are not a workbook a program saved.</summary>
    public const int MaxStyles = 65_536;

    /// <summary>SpreadsheetML nests a dozen levels at most (extensions included).</summary>
    public const int MaxDepth = 256;

    /// <summary>Excel holds 32,767 characters in a cell; 32 times that is damage or an attack, never a submission.</summary>
    public const int MaxCellChars = 1 << 20;

    /// <summary>
    /// Characters of text one row of a sheet may hold, all its cells together (128 cells full to Excel's 32,767): what
    /// the reader holds for a row while it is read, three rows at most, is bounded by this, not by the row's cells.
    /// </summary>
    public const int MaxRowChars = 1 << 22;

    /// <summary>
    /// Bytes of a part without a '&lt;': the longest a tag with its attributes, or a run of text, can be. A tag is held
    /// whole by the XML parser, so this bounds what it holds (Excel's longest is a cell's text, under 230 KB escaped).
    /// </summary>
    public const int MaxBytesBetweenTags = 1 << 20;

    /// <summary>Distinct element, attribute and prefix names across the parts read (a workbook uses a few hundred).</summary>
    public const int MaxNames = 100_000;

    /// <summary>Sheets listed in a workbook.</summary>
    public const int MaxSheets = 10_000;

    /// <summary>Merged ranges on one sheet.</summary>
    public const int MaxMergedRanges = 200_000;

    /// <summary>An Excel 97–2003 sheet: 65,536 rows by 256 columns.</summary>
    public const int LegacyRows = 65_536;

    public const int LegacyColumns = 256;

    private ReadLimits(IntakeOptions options, long fileBytes, WorkBudget work)
    {
        Work = work;
        Inflated = new InflateBudget(options.MaxInflatedBytes);
        FileBytes = fileBytes;
        MaxPartBytes = options.MaxInflatedBytes;
        InflateBudget = options.MaxInflatedBytes;
        MaxCompressionRatio = options.MaxCompressionRatio;
        MaxSharedStrings = (int)Math.Min(options.MaxSharedStrings, 65_536 + fileBytes);
        MaxSharedStringBytes = Math.Min(options.MaxSharedStringBytes, (16L << 20) + (32 * fileBytes));
    }

    public long FileBytes { get; }

    /// <summary>Bytes any one part may inflate to (<see cref="IntakeOptions.MaxInflatedBytes"/>).</summary>
    public long MaxPartBytes { get; }

    /// <summary>
    /// Bytes all the parts opened while reading may inflate to together, every opening counted (a sheet's merge scan,
    /// its tail and its rows; the shared strings again when a two-sheet return is opened a second time): what bounds the
    /// read's time (<see cref="ReadCost"/>).
    /// </summary>
    public long InflateBudget { get; }

    public int MaxCompressionRatio { get; }

    public int MaxSharedStrings { get; }

    public long MaxSharedStringBytes { get; }

    /// <summary>What is left of <see cref="InflateBudget"/>: one for every opening of the package in this read (a two-sheet
    /// return is opened twice), so the second opening cannot start afresh.</summary>
    internal InflateBudget Inflated { get; }

    /// <summary>The submission's work budget: every byte inflated is charged to it too (<see cref="WorkCost.InflatedByte"/>).</summary>
    public WorkBudget Work { get; }

    public static ReadLimits For(IntakeOptions options, long fileBytes, WorkBudget? work = null) => new(options, fileBytes, work ?? WorkBudget.For(options));
}
