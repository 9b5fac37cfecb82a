using Samverkan.Deploy;

// dotnet run --project deploy/Manifests -- <directory> [image tag]
if (args.Length is < 1 or > 2)
{
    Console.Error.WriteLine("usage: dotnet run --project deploy/Manifests -- <output directory> [image tag]");
    return 2;
}
Directory.CreateDirectory(args[0]);
foreach (var (name, text) in ManifestFiles.Generate(args.Length == 2 ? args[1] : ManifestFiles.DefaultImageTag))
    File.WriteAllText(Path.Combine(args[0], name), text);
Console.WriteLine($"Wrote {Components.All.Count + 2} files to {args[0]}");
return 0;
