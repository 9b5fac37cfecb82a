namespace Samverkan.Messaging.IntegrationTests;

/// <summary>
/// The test assembly's entry point, in place of the one the test SDK generates (GenerateProgramFile is off). The test
/// runner never calls it; <see cref="CrashChild"/> runs the assembly with its verb to get a process it may kill.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args) =>
        args is [CrashChild.Verb] ? await CrashChild.RunAsync() : 2;
}
