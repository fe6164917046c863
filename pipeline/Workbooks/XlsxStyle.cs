namespace SharedServicesPipeline.Pipeline.Workbooks;

/// <summary>
/// The cell styles <see cref="XlsxStreamWriter"/> offers: indices into its fixed style sheet (<see cref="XlsxStyleSheet"/>,
/// which lists them in this order). "Quoted" is Excel's quote prefix: the cell's text was typed as text, so editing it
/// cannot turn it into a formula.
/// </summary>
internal enum XlsxStyle
{
    Normal = 0,
    Bold = 1,
    Title = 2,
    Heading = 3,
    Italic = 4,
    Date = 5,
    Money = 6,
    Wrap = 7,
    CountLeft = 8,
    MoneyLeft = 9,
    DateTimeLeft = 10,
    TextLeft = 11,

    // The submitter's report: its title, header, the fills that mark problems, and each with the quote prefix.
    ReportTitle,
    Quoted,
    DateTime,
    TextLeftQuoted,
    WrapQuoted,
    Header,
    HeaderQuoted,
    HeaderWrap,
    HeaderWrapQuoted,
    TextLeftWrap,
    TextLeftWrapQuoted,
    Error,
    ErrorQuoted,
    ErrorDate,
    ErrorDateTime,
    ErrorWrap,
    ErrorWrapQuoted,
    Warning,
    WarningQuoted,
    WarningDate,
    WarningDateTime,
    WarningWrap,
    WarningWrapQuoted,
}
