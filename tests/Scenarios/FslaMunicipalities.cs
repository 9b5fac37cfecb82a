using Samverkan.Contracts.Participants;

namespace Samverkan.Scenarios;

/// <summary>Exits of one gender in one municipality, by outcome, and how many were still active at the end.</summary>
/// <param name="Work">Employment, subsidised employment or self-employment; split by <see cref="FslaDataset"/>.</param>
public sealed record FslaCell(int Work, int Studies, int Internship, int JobSeeking, int Other, int StillActive)
{
    public int Exited => Work + Studies + Internship + JobSeeking + Other;
    public int Started => Exited + StillActive;
}

/// <summary>A participating municipality with its women's and men's cells of the record-level truth.</summary>
public sealed record FslaMunicipality(string Code, string Name, FslaCell Women, FslaCell Men)
{
    public int Started => Women.Started + Men.Started;
    public FslaCell For(Gender gender) => gender == Gender.Woman ? Women : Men;
}

/// <summary>
/// The designed core of the scenario: per municipality and gender, how many started and how each one left.
/// Everything the report publishes by municipality, gender and outcome follows from this table (the unit
/// tests check each figure); <see cref="FslaDataset"/> only spreads dates, ages and referrers over it.
/// See docs/decisions/0002-fsla-scenario.md for why each number is what it is.
/// </summary>
public static class FslaMunicipalities
{
    /// <summary>
    /// The ninth municipality. The report says "nio av länets tolv" but names eight; of the four left
    /// (Högsby, Kalmar, Mörbylånga, Oskarshamn) we take Högsby, a small municipality like the other eight.
    /// </summary>
    public const string NinthCode = "0821";

    //                                         work studies intern seeking other active
    public static IReadOnlyList<FslaMunicipality> All { get; } =
    [
        new("0861", "Mönsterås", Women: new(14, 3, 2, 7, 3, 2), Men: new(24, 3, 3, 7, 16, 4)),
        new("0883", "Västervik", Women: new(10, 4, 16, 8, 3, 2), Men: new(13, 2, 14, 5, 2, 3)),
        new("0860", "Hultsfred", Women: new(15, 4, 2, 7, 4, 1), Men: new(13, 2, 2, 4, 9, 2)),
        new("0884", "Vimmerby", Women: new(2, 4, 0, 2, 2, 0), Men: new(1, 1, 0, 1, 0, 0)),
        new("0885", "Borgholm", Women: new(1, 0, 0, 1, 0, 0), Men: new(10, 0, 1, 1, 1, 1)),
        new("0862", "Emmaboda", Women: new(14, 3, 2, 8, 4, 1), Men: new(5, 1, 1, 1, 4, 1)),
        new("0881", "Nybro", Women: new(7, 2, 1, 4, 22, 2), Men: new(5, 1, 1, 3, 6, 1)),
        new("0834", "Torsås", Women: new(9, 2, 2, 4, 2, 1), Men: new(8, 1, 1, 2, 5, 1)),
        new(NinthCode, "Högsby", Women: new(9, 2, 1, 5, 2, 0), Men: new(7, 1, 1, 3, 3, 1)),
    ];

    public static FslaMunicipality ByName(string name) => All.Single(m => m.Name == name);
}
