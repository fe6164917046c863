using System.Text;
using SharedServicesPipeline.HostileFiles;
using SharedServicesPipeline.Pipeline;
using SharedServicesPipeline.Pipeline.Reading;
using SharedServicesPipeline.Pipeline.Reference;
using SharedServicesPipeline.Pipeline.Validation;
using SharedServicesPipeline.Tests.Support;
using static SharedServicesPipeline.Tests.Support.WorkbookBuilder;

namespace SharedServicesPipeline.Tests.Security;

/// <summary>
/// The bound on what comes after reading is arithmetic too: every stage charges one budget a submission
/// (<see cref="IntakeOptions.MaxWorkSeconds"/>) at the worst rates measured (<see cref="WorkCost"/>), before it does the
/// work, and the budget plus a cold start fits in 15 s. So no file, whatever its rows, partner names or distinct names,
/// can make an ingest do more, and one that would is refused as a whole.
/// </summary>
public sealed class WorkCostTests
{
    private static readonly Encoding Utf8 = new UTF8Encoding(false);

    [Fact]
    public void The_default_work_budget_plus_a_cold_start_is_answered_within_15_seconds()
    {
        var options = new IntakeOptions();

        var worst = WorkCost.WorstSeconds(options);

        Assert.True(worst <= WorkCost.Bound.TotalSeconds, $"{WorkCost.ColdStartSeconds} s cold start + {options.MaxWorkSeconds} s of work = {worst:N1} s");
        Assert.True(options.MaxWorkSeconds <= WorkCost.LargestWorkSeconds);
        Assert.Equal(15, WorkCost.Bound.TotalSeconds);
        // An inflated byte is charged at the rate the inflate budget was sized by: the one arithmetic, not two.
        Assert.Equal(1e9 / (ReadCost.WorstMegabytesPerSecond * 1024 * 1024), WorkCost.InflatedByte, 6);
    }

    [Fact]
    public void A_budget_refuses_the_charge_that_goes_past_it_saying_how_far_the_file_got_and_what_to_do()
    {
        var work = new WorkBudget(WorkCost.Row * 3 / 1e9);
        work.At = ("Arrangements", 5);
        work.ChargeRow(0);
        work.ChargeRow(0);
        work.ChargeRow(0);

        var refused = Assert.Throws<FileLimitException>(() => work.ChargeRow(0));

        Assert.Equal(WorkBudget.TooMuchWork, refused.Code);
        Assert.Contains("at row 5 of sheet 'Arrangements', after 4 rows", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing from it was loaded. Split the file into smaller returns", refused.Message, StringComparison.Ordinal);
        Assert.Equal(4 * WorkCost.Row / 1e9, work.SpentSeconds, 9);
    }

    [Fact]
    public void The_reader_charges_a_csv_its_bytes_and_each_row_it_hands_on()
    {
        var bytes = SubmissionCsv.Build([.. Enumerable.Range(1, 10).Select(i => Row($"Shared service {i}", "Essex County Council; Slough Borough Council"))]);
        var work = WorkBudget.Unlimited;
        long chars = 0;

        var read = new SubmissionReader(new IntakeOptions(), HeaderSynonyms.BuiltIn).Read(new MemoryStream(bytes), "return.csv", row => chars += TextOf(row), work);

        Assert.Equal(10, read.RowsRead);
        Assert.Equal((10, bytes.LongLength), (work.Rows, work.Bytes));
        Assert.True(chars > 10 * "Shared service 1Essex County Council; Slough Borough Council".Length);
        Assert.Equal(bytes.Length * WorkCost.FileByte / 1e9, work.SpentSecondsOn.Bytes, 9);
        Assert.Equal(((10 * WorkCost.Row) + (chars * WorkCost.RowChar)) / 1e9, work.SpentSecondsOn.Rows, 9);
        Assert.Equal(work.SpentSecondsOn.Bytes + work.SpentSecondsOn.Rows, work.SpentSeconds, 9);
    }

    [Fact]
    public void The_reader_charges_an_xlsx_every_byte_it_inflates()
    {
        var bytes = new WorkbookParts().Build();
        var work = WorkBudget.Unlimited;
        long chars = 0;

        new SubmissionReader(new IntakeOptions(), HeaderSynonyms.BuiltIn).Read(new MemoryStream(bytes), "return.xlsx", row => chars += TextOf(row), work);

        Assert.True(work.Bytes > 1_000, $"{work.Bytes} bytes inflated");
        Assert.Equal(work.Bytes * WorkCost.InflatedByte / 1e9, work.SpentSecondsOn.Bytes, 9);
        Assert.Equal(((2 * WorkCost.Row) + (chars * WorkCost.RowChar)) / 1e9, work.SpentSecondsOn.Rows, 9);
    }

    [Fact]
    public void The_reader_charges_each_shared_string_it_makes_and_each_read_of_their_file_whatever_order_the_cells_name_them()
    {
        // 100,000 strings (3.6 MB of them in the temporary file) and 20,000 cells right of the header, each naming a
        // different one in a jumping order: no cache or read-ahead serves them, and no row is handed on to be charged.
        var bytes = HostileStringReadCases.Workbook(20, HostileStringReadCases.StringOrder.Scattered, 100_000);
        var cells = 20 * HostileStringReadCases.CellsPerRow;
        var work = WorkBudget.Unlimited;

        var read = new SubmissionReader(new IntakeOptions(), HeaderSynonyms.BuiltIn).Read(new MemoryStream(bytes), "return.xlsx", _ => { }, work);

        Assert.Equal(2, read.RowsRead);
        var (made, fileReads, fileBytes) = work.SharedStrings;
        Assert.InRange(made, cells, cells + WorkbookParts.Strings.Length);
        Assert.True(fileReads > cells / 3, $"{fileReads} reads from the file");
        // Each read is the string's 77 bytes, not a 64 KB window.
        Assert.True(fileBytes <= fileReads * 77, $"{fileBytes} bytes in {fileReads} reads");
        Assert.True(work.SpentSecondsOn.Strings >= ((made * WorkCost.SharedString) + (fileReads * WorkCost.SharedStringRead)) / 1e9);
        Assert.Equal(work.SpentSeconds, work.SpentSecondsOn.Bytes + work.SpentSecondsOn.Rows + work.SpentSecondsOn.Strings, 9);

        // What the strings are charged is what decides: a budget of the rest and half of it refuses the file.
        var options = new IntakeOptions { MaxWorkSeconds = work.SpentSeconds - (work.SpentSecondsOn.Strings / 2) };
        var refused = new SubmissionReader(options, HeaderSynonyms.BuiltIn).Read(new MemoryStream(bytes), "return.xlsx");
        Assert.Equal(WorkBudget.TooMuchWork, Assert.Single(refused.Problems, p => p.Severity == Pipeline.Submissions.ProblemSeverity.FileError).Code);
    }

    [Fact]
    public void A_reader_past_its_budget_refuses_the_file_as_too_much_work_wherever_the_budget_ran_out()
    {
        var bytes = SubmissionCsv.Build([.. Enumerable.Range(1, 50).Select(i => Row($"Shared service {i}", "Essex County Council; Slough Borough Council"))]);
        // What the reader has charged by each row it hands on, read once without a limit; then a budget that runs out at the 21st.
        var unlimited = WorkBudget.Unlimited;
        var spentBy = new List<double>();
        new SubmissionReader(new IntakeOptions(), HeaderSynonyms.BuiltIn).Read(new MemoryStream(bytes), "return.csv", _ => spentBy.Add(unlimited.SpentSeconds), unlimited);
        var options = new IntakeOptions { MaxWorkSeconds = (spentBy[19] + spentBy[20]) / 2 };
        var handed = 0;

        var read = new SubmissionReader(options, HeaderSynonyms.BuiltIn).Read(new MemoryStream(bytes), "return.csv", _ => handed++);

        Assert.Equal(WorkBudget.TooMuchWork, Assert.Single(read.Problems, p => p.Severity == Pipeline.Submissions.ProblemSeverity.FileError).Code);
        Assert.Equal(20, handed);
    }

    [Fact]
    public void The_validator_charges_each_partner_name_each_new_name_and_every_way_a_cell_may_be_cut()
    {
        var rows = new SubmissionReader(new IntakeOptions(), HeaderSynonyms.BuiltIn).Read(new MemoryStream(SubmissionCsv.Build(
            Row("Shared legal service", "Essex County Council; Slough Borough Council"),
            Row("Shared ICT", "Essex County Council; Slough Borough Council"),
            Row("Shared HR", "Essex County Council, Slough Borough Council"))), "return.csv").Rows;
        var work = WorkBudget.Unlimited;
        var validator = new ArrangementValidator(AuthorityMatcher.CreateBuiltIn(), ServiceAreaTaxonomy.BuiltIn).Charging(work);

        validator.Validate(rows[0]);
        var first = work.SpentSecondsOn;
        validator.Validate(rows[1]);
        var second = work.SpentSecondsOn;
        validator.Validate(rows[2]);
        var third = work.SpentSecondsOn;

        Assert.Equal(2 * WorkCost.PartnerName / 1e9, first.Partners, 9);
        Assert.Equal(0, first.Rows); // the reader's charge, not the validator's
        Assert.Equal(2, work.DistinctNames);
        Assert.True(first.Matching > 2 * WorkCost.DistinctName / 1e9);
        // The same names again: each is a partner to load again, not a name to work out again.
        Assert.Equal(4 * WorkCost.PartnerName / 1e9, second.Partners, 9);
        Assert.Equal(first.Matching, second.Matching, 12);
        // One comma between two names: the splitter may look up each part and the whole, 3 lookups of the cell's length.
        var cell = "Essex County Council, Slough Borough Council";
        Assert.Equal((3 * (WorkCost.Lookup + (cell.Length * WorkCost.NameChar))) / 1e9, third.Matching - second.Matching, 9);
        // The same line again is looked up in the matcher's memo: charged once.
        validator.Validate(rows[2]);
        Assert.Equal(third.Matching, work.SpentSecondsOn.Matching, 12);
    }

    private static long TextOf(SubmissionRow row) => row.Cells.OfType<string>().Sum(text => (long)text.Length);

    [Fact]
    public void An_accepted_row_is_charged_a_bridge_row_for_each_partner_and_every_pair_before_the_load_measures_them()
    {
        var work = WorkBudget.Unlimited;

        work.ChargeAcceptedPartners(400);

        Assert.Equal(400 * 399 / 2 * WorkCost.PartnerPair / 1e9, work.SpentSecondsOn.Pairs, 9);
        Assert.Equal(400 * WorkCost.BridgeRow / 1e9, work.SpentSecondsOn.Partners, 9);
    }

    [Fact]
    public void A_name_longer_than_any_in_the_register_by_more_than_a_slip_is_no_typo_of_one()
    {
        // The typo pass answers at once for it (it once tried each of the name's one-letter deletions: its length squared).
        var name = string.Concat(Enumerable.Repeat("essexcountycouncil", 2_000));

        var match = AuthorityMatcher.CreateBuiltIn().Match(name);

        Assert.Equal(MatchStatus.Unmatched, match.Status);
        Assert.Empty(match.Candidates);
    }

    [Fact]
    public void Every_opening_of_a_workbook_in_one_read_shares_one_inflate_budget()
    {
        var limits = ReadLimits.For(new IntakeOptions { MaxInflatedBytes = 10_000 }, 1_000);

        Assert.True(limits.Inflated.Take(6_000));
        Assert.False(limits.Inflated.Take(6_000));
    }

    [Fact]
    public void The_work_cases_make_what_they_say()
    {
        // Real register names, so each is a partner to load and every pair a distance.
        var cell = HostileWorkCases.PartnersCell(HostileWorkCases.ExcelCellChars);
        var names = AuthorityMatcher.CreateBuiltIn().SplitPartners(cell);

        Assert.InRange(cell.Length, HostileWorkCases.ExcelCellChars - 100, HostileWorkCases.ExcelCellChars);
        Assert.True(names.Count > 1_000, $"{names.Count} names");
        Assert.All(names.Distinct().Take(50), n => Assert.Equal(MatchStatus.Matched, AuthorityMatcher.CreateBuiltIn().Match(n).Status));
        Assert.StartsWith("Reference,Arrangement", Utf8.GetString(HostileWorkCases.DistinctNamesCsv(5, 3)), StringComparison.Ordinal);
    }
}
