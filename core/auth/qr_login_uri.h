#pragma once

#include <QString>
#include <optional>

namespace moim {

// The content of a QR sign-in code: moim://qr-login?s=<qr session>&n=<nonce>, nothing else
// (docs/protocol.md, "QR sign-in"). Parsing is strict because the text comes from a camera.
struct QrLoginUri
{
    enum class Problem
    {
        None,
        NotMoim,   // some other QR code (a web link, a Wi-Fi code…)
        Incomplete // a Moim sign-in code with a missing or damaged part
    };

    QString session;
    QString nonce;

    static std::optional<QrLoginUri> parse(const QString &text, Problem *problem = nullptr);
    QString toString() const;
};

} // namespace moim
