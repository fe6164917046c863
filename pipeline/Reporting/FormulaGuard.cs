namespace SharedServicesPipeline.Pipeline.Reporting;

/// <summary>
/// Neutralises text that a spreadsheet would run as a formula (leading =, +, -, @, tab, CR) by prefixing an apostrophe,
/// as OWASP recommends for CSV injection. Numbers are written as numbers, so only text is touched. In the core because
/// the submitter's report (here) and the published extracts and compendium (publishing/) both guard what they write.
/// </summary>
public static class FormulaGuard
{
    public static string Neutralise(string text) => IsFormulaLike(text) ? "'" + text : text;

    /// <summary>Text a spreadsheet would run as a formula if it were typed or imported as it is.</summary>
    public static bool IsFormulaLike(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
}
