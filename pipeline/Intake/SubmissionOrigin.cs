using System.Text.RegularExpressions;
using SharedServicesPipeline.Pipeline.Reference;
using SharedServicesPipeline.Pipeline.Submissions;

namespace SharedServicesPipeline.Pipeline.Intake;

/// <summary>
/// Who a submission is from, by where it was dropped: a file directly under incoming/ is the programme team's (it may
/// change any arrangement); a file under <c>incoming/&lt;GSS code&gt;/</c> is that council's (it may change only
/// arrangements the council is part of). A folder that is not a council's GSS code is refused, not taken as the
/// programme team's: a typo must not give a file more rights than its sender has.
/// </summary>
public sealed partial record SubmissionOrigin(SubmittingCouncil? Council, SubmissionProblem? Refusal)
{
    public const string UnknownCouncilCode = "file.unknown-council-folder";

    public static SubmissionOrigin Central { get; } = new(null, null);

    public static SubmissionOrigin Of(string name, AuthorityRegister register)
    {
        var parts = name.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2)
        {
            return Central;
        }

        var folder = parts[0].Trim();
        if (!GssCode().IsMatch(folder))
        {
            return Refused($"The file was put in the folder '{folder}/' of incoming/, which is not a council's GSS code. " +
                "A council's files go in incoming/ followed by its nine-character GSS code (e.g. incoming/E07000223/return.xlsx); " +
                "the programme team's go directly in incoming/. Nothing from the file was loaded: put it in the right folder.", folder);
        }

        var code = folder.ToUpperInvariant();
        if (register.Find(code) is not { IsCouncil: true } council)
        {
            return Refused($"'{code}' (the folder the file was put in) is not the GSS code of a council in our register. " +
                "Check the code (ONS GSS codes, e.g. E07000223 for Adur) or ask the programme team to add the council. Nothing from the file was loaded.", folder);
        }

        return new SubmissionOrigin(new SubmittingCouncil(council.Code, council.Name), null);
    }

    private static SubmissionOrigin Refused(string message, string folder) =>
        new(null, new SubmissionProblem(ProblemSeverity.FileError, UnknownCouncilCode, message, Value: folder));

    [GeneratedRegex("^[EeWwSsNn][0-9]{8}$")]
    private static partial Regex GssCode();
}
