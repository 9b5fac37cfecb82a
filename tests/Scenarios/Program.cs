namespace Samverkan.Scenarios;

public static class Program
{
    public static Task<int> Main(string[] args) => LoaderCommand.RunAsync(args);
}
