using Microsoft.Extensions.DependencyInjection;
using SharedServicesPipeline.Pipeline.Reporting;

namespace SharedServicesPipeline.Tests.Support;

/// <summary>
/// The host's real report sink with a fault injected at the seam: the first writes of the plan throw, as when the
/// process dies after the load and before the report.
/// </summary>
internal sealed class FailingReportSink(IReportSink inner, FaultPlan plan) : IReportSink
{
    public Task WriteAsync(string submissionId, string fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
        plan.TakeFailure() ? throw new IOException("Injected fault: the process stopped before the report was written.") : inner.WriteAsync(submissionId, fileName, content, cancellationToken);

    public Task<bool> WriteIfAbsentAsync(string submissionId, string fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
        inner.WriteIfAbsentAsync(submissionId, fileName, content, cancellationToken);

    public Task WriteAsync(string submissionId, string fileName, Stream content, CancellationToken cancellationToken) =>
        plan.TakeFailure() ? throw new IOException("Injected fault: the process stopped before the report was written.") : inner.WriteAsync(submissionId, fileName, content, cancellationToken);

    public Task<bool> WriteIfAbsentAsync(string submissionId, string fileName, Stream content, CancellationToken cancellationToken) =>
        inner.WriteIfAbsentAsync(submissionId, fileName, content, cancellationToken);

    public Task<Stream?> OpenReadAsync(string submissionId, string fileName, CancellationToken cancellationToken) => inner.OpenReadAsync(submissionId, fileName, cancellationToken);

    public Task<byte[]?> ReadAsync(string submissionId, string fileName, CancellationToken cancellationToken) => inner.ReadAsync(submissionId, fileName, cancellationToken);

    /// <summary>Wraps the report sink the host registered, however it registered it.</summary>
    public static void Install(IServiceCollection services, FaultPlan plan)
    {
        var registered = services.Last(s => s.ServiceType == typeof(IReportSink));
        services.Remove(registered);
        services.AddSingleton<IReportSink>(sp => new FailingReportSink(
            registered.ImplementationInstance as IReportSink
                ?? (IReportSink?)registered.ImplementationFactory?.Invoke(sp)
                ?? (IReportSink)ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!),
            plan));
    }
}
