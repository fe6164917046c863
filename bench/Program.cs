using SharedServicesPipeline.Bench.Intake;

// Each benchmark lives in its own folder and namespace; the first argument picks one.
return args.FirstOrDefault() switch
{
    "intake-memory" => await IntakeMemoryBench.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench -- intake-memory (generate <folder> | read <file> | ingest <file>)");
    return 2;
}
