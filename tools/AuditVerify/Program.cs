using BackOffice.AuditVerify;

// AuditVerify <audit.jsonl> [--tenant <id>] [--last-hash <hex>]: prints OK or the first broken entry; exit code 0 or 1 (2: usage).
if (args.Length is not (1 or 3 or 5) || args[0].StartsWith('-'))
{
    Console.Error.WriteLine("usage: AuditVerify <audit.jsonl> [--tenant <id>] [--last-hash <hex>]");
    return 2;
}
if (!File.Exists(args[0]))
{
    Console.Error.WriteLine($"No such file: {args[0]}");
    return 2;
}
string? Option(string name) => args.Skip(1).Chunk(2).FirstOrDefault(p => p[0] == name)?[1];
using var file = File.OpenText(args[0]);
var check = AuditFile.Verify(file, Option("--tenant"), Option("--last-hash"));
Console.WriteLine(check);
return check.Ok ? 0 : 1;
