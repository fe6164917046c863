using System.Diagnostics;
using System.Reflection;

namespace SharedServicesPipeline.Pipeline.Reading;

/// <summary>
/// Which library threw an exception: the first frame of its stack outside the runtime's own library (an array indexed
/// through IList, a List's indexer, throw from there on a library's behalf). A NullReferenceException or
/// IndexOutOfRangeException from a parser a damaged file misled is the file's problem; from our own code it is a bug.
/// </summary>
internal static class ExceptionOrigin
{
    public static bool IsFrom(Exception ex, Assembly library)
    {
        foreach (var frame in new StackTrace(ex).GetFrames())
        {
            var assembly = frame.GetMethod()?.DeclaringType?.Assembly;
            if (assembly is null || assembly == typeof(object).Assembly)
            {
                continue;
            }

            return assembly == library;
        }

        return false;
    }
}
