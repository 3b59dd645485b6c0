namespace BackOffice.Core.Common;

/// <summary>Encrypts secrets the platform keeps (webhook signing secrets) before they are stored; the host chooses how.</summary>
public interface ISecretProtector
{
    string Protect(string plaintext);

    string Unprotect(string protectedText);
}
