using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Samverkan.Platform.EndToEndTests.ApiKit.GeneratedClient;

/// <summary>Compiles generated clients and the code that uses them in this process (Roslyn), and loads the result.</summary>
internal static class ClientCompiler
{
    // Kiota's code chooses its nullable annotations by target framework.
    private static readonly CSharpParseOptions Parse = new(LanguageVersion.Latest,
        preprocessorSymbols: ["NET", "NET10_0_OR_GREATER", "NET8_0_OR_GREATER", "NET5_0_OR_GREATER", "NETCOREAPP", "NETCOREAPP3_1_OR_GREATER", "NETSTANDARD2_1_OR_GREATER"]);

    public static Assembly Compile(string name, IEnumerable<string> sourceFiles, string extraSource)
    {
        var trees = sourceFiles.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), Parse, f))
            .Append(CSharpSyntaxTree.ParseText(extraSource, Parse, "AgencyDay.cs"))
            .ToList();
        var compilation = CSharpCompilation.Create(name, trees, References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        if (!result.Success)
        {
            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(30).Select(d => d.ToString());
            throw new InvalidOperationException($"The generated client did not compile:\n{string.Join('\n', errors)}");
        }
        image.Position = 0;
        return AssemblyLoadContext.Default.LoadFromStream(image);
    }

    /// <summary>The framework and what this test project ships: Kiota's libraries among them.</summary>
    private static IEnumerable<MetadataReference> References()
    {
        // Touch Kiota's assemblies so that they are certainly deployed beside the test.
        string[] kiota =
        [
            typeof(Microsoft.Kiota.Abstractions.IRequestAdapter).Assembly.Location,
            typeof(Microsoft.Kiota.Http.HttpClientLibrary.HttpClientRequestAdapter).Assembly.Location,
            typeof(Microsoft.Kiota.Serialization.Json.JsonParseNodeFactory).Assembly.Location,
            typeof(Microsoft.Kiota.Serialization.Text.TextParseNodeFactory).Assembly.Location,
            typeof(Microsoft.Kiota.Serialization.Form.FormParseNodeFactory).Assembly.Location,
            typeof(Microsoft.Kiota.Serialization.Multipart.MultipartSerializationWriterFactory).Assembly.Location,
        ];
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return platform.Concat(kiota).Where(p => p.Length > 0).Distinct().Select(p => MetadataReference.CreateFromFile(p));
    }
}
