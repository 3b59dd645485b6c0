using System.Text.RegularExpressions;

namespace BackOffice.ServiceDefaults.Problems;

/// <summary>
/// Which parameter a minimal API failed to bind. ASP.NET Core says so only in the message of its BadHttpRequestException
/// ('Failed to bind parameter "int? pageSize" from "abc".', 'Required parameter "X request" was not provided from body.'),
/// so it is read from there, once, to name the field in the problem's <c>errors</c> as every other 400 does.
/// </summary>
internal static partial class BindingFailures
{
    /// <returns>The parameter's name ("body" for the request body); null when the message names none.</returns>
    public static string? Parameter(string message)
    {
        var match = Named().Match(message);
        if (!match.Success) return null;
        var fromBody = message.Contains("request body", StringComparison.Ordinal) || message.EndsWith("from body.", StringComparison.Ordinal);
        return fromBody ? "body" : match.Groups["name"].Value;
    }

    [GeneratedRegex("""parameter "[^"]*?(?<name>[A-Za-z_][A-Za-z0-9_]*)"(?: from| was)""", RegexOptions.CultureInvariant)]
    private static partial Regex Named();
}
