using SharedServicesPipeline.Bench;
using SharedServicesPipeline.Bench.Intake;
using SharedServicesPipeline.Bench.Scenarios;

// dotnet run -c Release --project bench [-- --quick | --cold [--runs N]] [--register authorities.csv] [--results file.md] [--work dir] [--keep]
// Each focused benchmark lives in its own folder and namespace; `intake-memory` measures the reader alone.
if (args.Length > 0 && args[0] == "intake-memory")
{
    return await IntakeMemoryBench.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == SharedServicesPipeline.Bench.ReaderSpeed.ReaderSpeedBench.Command)
{
    // reader [--rows N] [--runs R] [--file F]: the .xlsx reader alone against the floor (our reader and ExcelDataReader).
    return await SharedServicesPipeline.Bench.ReaderSpeed.ReaderSpeedBench.RunAsync(args[1..], Console.Out);
}

if (args.Length > 0 && args[0] == SharedServicesPipeline.Bench.StageFloors.StageFloorsBench.Command)
{
    // stages [--rows 100000] [--work DIR] [--keep]: the ingest's stages beside their floors (load, match, read), end to end and peak memory.
    return await SharedServicesPipeline.Bench.StageFloors.StageFloorsBench.RunAsync(args[1..], Console.Out);
}

if (args.Length > 0 && args[0] == SharedServicesPipeline.Bench.RefreshSpeed.RefreshSpeedBench.Command)
{
    // refresh [--sizes 10000,100000] [--runs R] [--work DIR] [--from DIR]: ExtractRefresher.RefreshAsync alone on marts built once.
    return await SharedServicesPipeline.Bench.RefreshSpeed.RefreshSpeedBench.RunAsync(args[1..], Console.Out);
}

if (args.Length > 0 && args[0] == SharedServicesPipeline.Bench.Hostile.HostileBench.Command)
{
    // hostile [--all] [--results file.md] [--work dir] [--keep]: the worst hostile file of each class through a cold ssp ingest.
    return await SharedServicesPipeline.Bench.Hostile.HostileBench.RunAsync(args[1..], Console.Out);
}

if (args.Length > 0 && args[0] == SharedServicesPipeline.Bench.CouncilView.CouncilViewBench.Command)
{
    // council-view [--arrangements 1000] [--runs 5] [--council E10000012] [--work DIR]: dashboard size and time to open a council view.
    return await SharedServicesPipeline.Bench.CouncilView.CouncilViewBench.RunAsync(args[1..], Console.Out);
}

if (args.Length > 0 && args[0] == "generate")
{
    // generate <rows> <file.xlsx> [seed] [messyShare]: one generated submission, for profiling `ssp ingest` by hand.
    var rows = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
    var seed = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 1_000 + rows;
    var messy = args.Length > 4 ? double.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : 0.35;
    new SharedServicesPipeline.Bench.Generation.SubmissionGenerator(SharedServicesPipeline.Pipeline.Reference.AuthorityRegister.BuiltIn.Authorities, seed, messy).WriteXlsx(args[2], rows);
    return 0;
}

if (args.Length > 0 && args[0] == ChildIngest.Command)
{
    return await ChildIngest.MainAsync(args);
}

if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine("""
        Benchmark of the ingest and refresh against the floor and the naive way; prints a table and writes bench/results/latest.md.
          --quick               tiny sizes (200, 1k, 5k rows); writes bench/results/quick.md
          --cold                only the cold `ssp ingest` into a 10k mart (built once; reuse it with --work and --keep),
                                11 runs (--runs N) and the phase profile; writes bench/results/cold.md
          --register <csv>      register file merged over the built-in one (when the built-in one is empty)
          --results <file.md>   where to write the report
          --work <dir>          working folder (default: a new temp folder, deleted afterwards unless --keep)
          --keep                keep the working folder (generated files, marts)
        Other commands: stages (the ingest's stages beside their floors), hostile [--all] (hostile files through ssp ingest: peak memory and time per class), reader, refresh, intake-memory, generate.
        """);
    return 0;
}

var options = BenchOptions.Parse(args, RepositoryRoot.Find());
await new BenchRunner(options, Console.Out).RunAsync();
return 0;
