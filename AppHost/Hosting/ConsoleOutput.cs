namespace Samverkan.AppHost.Hosting;

/// <summary>
/// The AppHost's console: each line says which resource wrote it, in a colour of its own when the console is a
/// terminal. Lines of different processes never interleave within a line.
/// </summary>
internal sealed class ConsoleOutput
{
    private const string Self = "apphost";

    private static readonly ConsoleColor[] Palette =
    [
        ConsoleColor.Cyan, ConsoleColor.Green, ConsoleColor.Yellow, ConsoleColor.Magenta,
        ConsoleColor.Blue, ConsoleColor.DarkCyan, ConsoleColor.DarkGreen, ConsoleColor.DarkYellow,
    ];

    private readonly Lock _gate = new();
    private readonly bool _useColor = !Console.IsOutputRedirected;
    private readonly Dictionary<string, ConsoleColor> _colors = [];
    private int _width = Self.Length;

    /// <summary>Gives <paramref name="name"/> its colour and aligns every prefix to the longest name.</summary>
    public void Register(string name)
    {
        lock (_gate)
        {
            if (_colors.ContainsKey(name))
                return;
            _colors[name] = Palette[_colors.Count % Palette.Length];
            _width = Math.Max(_width, name.Length);
        }
    }

    /// <summary>A line written by the process of resource <paramref name="name"/>.</summary>
    public void Line(string name, string text) => Write(name, text);

    /// <summary>A line of the AppHost's own.</summary>
    public void Info(string text) => Write(Self, text);

    /// <summary>A failure: one line on standard error, without prefix, so that it stands out.</summary>
    public void Error(string text)
    {
        lock (_gate)
        {
            if (_useColor && !Console.IsErrorRedirected)
                Console.ForegroundColor = ConsoleColor.Red;
            Console.Error.WriteLine(text);
            if (_useColor && !Console.IsErrorRedirected)
                Console.ResetColor();
        }
    }

    private void Write(string name, string text)
    {
        lock (_gate)
        {
            var prefix = $"[{name}]".PadRight(_width + 3);
            if (_useColor)
            {
                Console.ForegroundColor = _colors.GetValueOrDefault(name, ConsoleColor.Gray);
                Console.Out.Write(prefix);
                Console.ResetColor();
                Console.Out.WriteLine(text);
            }
            else
            {
                Console.Out.WriteLine(prefix + text);
            }
        }
    }
}
