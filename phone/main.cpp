// moim-phone: signs in like the mobile app, from a terminal.
#include "auth/device_info.h"
#include "auth/qr_login_uri.h"
#include "auth/session_grant.h"
#include "authenticator_store.h"
#include "net/api_client.h"
#include "otp/otpauth_uri.h"
#include "otp/totp.h"
#include "personal_session.h"
#include "phone_client.h"
#include "phone_session.h"
#include "protocol/device_label.h"
#include "protocol/protocol.h"
#include "qr_scanner.h"
#include "storage/profile.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QGuiApplication>
#include <QImage>
#include <QJsonArray>
#include <QLocale>
#include <QLoggingCategory>
#include <QPixmap>
#include <QRegularExpression>
#include <QScreen>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTextStream>
#include <cstdio>
#include <functional>
#include <termios.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace moim;
using moim::phone::PersonalSession;
using moim::phone::PhoneClient;
using moim::phone::PhoneSession;
using moim::phone::QrScanner;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

// Everything the server or another device said is printed through this: a name with a new line
// or an escape sequence must not forge lines or colour the terminal.
QString shown(const QString &text)
{
    return protocol::escapeForTerminal(text);
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

// Reads one line from standard input; without echo when it is a terminal.
QString readSecretLine(const QString &prompt)
{
    const bool terminal = isatty(STDIN_FILENO);
    termios saved{};
    if (terminal) {
        err() << prompt << Qt::flush;
        tcgetattr(STDIN_FILENO, &saved);
        termios silent = saved;
        silent.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &silent);
    }
    QTextStream in(stdin);
    const QString line = in.readLine();
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        err() << Qt::endl;
    }
    return line;
}

QString describe(const ApiError &error)
{
    switch (error.code) {
    case ApiError::Code::InvalidCredentials:
        return u"The email or password is not right. Check that the address is the one your "
               "workspace invited."_s;
    case ApiError::Code::UnauthorizedUser:
        return u"Unauthorized user: the account has no active workspace. Ask your admin whether "
               "it was deactivated."_s;
    case ApiError::Code::TooManyAttempts:
        return u"Too many attempts. Try again in %1 s."_s.arg(error.retryAfterSeconds);
    case ApiError::Code::UpdateRequired:
        return u"This moim-phone is too old for the server (needs %1 or later)."_s.arg(
            error.minimumVersion);
    case ApiError::Code::Network:
        return u"Cannot reach the server: %1"_s.arg(error.message);
    case ApiError::Code::InvalidCode:
        return u"That code is not right (%1 tries left)."_s.arg(error.attemptsLeft);
    case ApiError::Code::CodeReused:
        return u"That code was already used; wait for the next one."_s;
    case ApiError::Code::CodeExpired:
        return u"That code has expired; check the phone's clock and use the current one."_s;
    case ApiError::Code::ChallengeEnded:
        return u"2-step verification ended (too many wrong codes or too slow). Sign in again."_s;
    default:
        return u"Sign-in failed (%1): %2"_s.arg(errorName(error.code), shown(error.message));
    }
}

void saveGrant(const QString &profileDir, const SessionGrant &grant, int *exitCode)
{
    const phone::PhoneSession session(profileDir);
    if (!session.save(grant)) {
        err() << "Signed in, but could not save the session in " << profileDir << Qt::endl;
        return;
    }
    out() << "Signed in on this phone as " << shown(grant.account.displayName) << " <"
          << shown(grant.account.email) << ">" << Qt::endl;
    for (const Workspace &workspace : grant.workspaces)
        out() << "  workspace: " << shown(workspace.name) << Qt::endl;
    *exitCode = 0;
}

int login(ApiClient &api, const QString &profileDir, const QString &email, bool passwordFromStdin,
          const QString &givenCode, const QString &recoveryCode)
{
    if (email.isEmpty()) {
        err() << "moim-phone login: --email is required" << Qt::endl;
        return 2;
    }
    QTextStream input(stdin);
    const QString password =
        passwordFromStdin ? input.readLine() : readSecretLine(u"Password for %1: "_s.arg(email));
    if (password.isEmpty()) {
        err() << "moim-phone login: no password given" << Qt::endl;
        return 2;
    }

    int exitCode = 1;
    QString challengeId;
    // The code comes from --code / --recovery-code once, then from standard input (the next
    // line, or a prompt on a terminal), as long as the server keeps the challenge open.
    QString nextCode = givenCode.isEmpty() ? recoveryCode : givenCode;
    const bool recovery = givenCode.isEmpty() && !recoveryCode.isEmpty();
    std::function<void(const ApiResult &)> onAnswer;
    const auto sendCode = [&] {
        QString code = nextCode;
        nextCode.clear();
        if (code.isEmpty()) {
            code = isatty(STDIN_FILENO)
                       ? readSecretLine(u"2-step verification code for %1: "_s.arg(email))
                       : input.readLine();
        }
        if (code.trimmed().isEmpty()) {
            err() << "moim-phone login: this account needs a 2-step verification code "
                     "(--code, or a line on standard input)"
                  << Qt::endl;
            return QCoreApplication::quit();
        }
        const QJsonObject body{{u"challenge_id"_s, challengeId},
                               {recovery ? u"recovery_code"_s : u"code"_s, code.trimmed()}};
        api.post(protocol::path::SecondFactor, body, {}, &api, onAnswer);
    };
    onAnswer = [&](const ApiResult &result) {
        if (result.ok()) {
            if (const auto grant = SessionGrant::fromJson(result.body))
                saveGrant(profileDir, *grant, &exitCode);
            else
                err() << "The server answered with something that is not a session." << Qt::endl;
            return QCoreApplication::quit();
        }
        const ApiError &error = result.error;
        if (error.code == ApiError::Code::SecondFactorRequired && !error.challengeId.isEmpty()) {
            challengeId = error.challengeId;
            return sendCode();
        }
        err() << describe(error) << Qt::endl;
        const bool askAgain = error.code == ApiError::Code::InvalidCode ||
                              error.code == ApiError::Code::CodeReused ||
                              error.code == ApiError::Code::CodeExpired;
        if (askAgain && !challengeId.isEmpty() && !recovery && isatty(STDIN_FILENO))
            return sendCode();
        QCoreApplication::quit();
    };
    const QJsonObject body{
        {u"email"_s, email},
        {u"password"_s, password},
        {u"device"_s,
         DeviceInfo{u"moim-phone"_s, QSysInfo::prettyProductName(), u"mobile"_s}.toJson()}};
    api.post(protocol::path::Login, body, {}, &api, onAnswer);
    QCoreApplication::exec();
    return exitCode;
}

// What the phone says about a refused scan, approval or denial.
QString describeQr(const ApiError &error)
{
    switch (error.code) {
    case ApiError::Code::QrExpired:
        return u"This QR code has expired or was replaced by a newer one. Scan the code the "
               "computer shows now (or choose \"Show a new code\" there)."_s;
    case ApiError::Code::QrUsed:
        return u"This QR code was already used, approved or cancelled. Show a new code on the "
               "computer and scan that."_s;
    case ApiError::Code::WrongCode:
        return u"That is not the number the computer shows. For your safety this sign-in "
               "request has ended; show a new code on the computer to try again."_s;
    case ApiError::Code::NotFound:
        return u"This server does not know that sign-in request or QR code. It may belong to "
               "another Moim server, or it ended long ago."_s;
    case ApiError::Code::Forbidden:
        return u"This session cannot approve sign-ins: only the phone app can. Sign in with "
               "moim-phone login."_s;
    case ApiError::Code::InvalidToken:
        return u"This phone is not signed in (or its session ended). Run: moim-phone login "
               "--email YOUR-ADDRESS"_s;
    default:
        return describe(error);
    }
}

// Runs one authenticated call of the phone and waits for it.
ApiResult callAsPhone(ApiClient &api, const QString &profileDir, QLatin1StringView path,
                      const QJsonObject &body)
{
    PhoneClient client(api, PhoneSession(profileDir));
    if (!client.isSignedIn()) {
        ApiResult result;
        result.error = ApiError::fromCode(ApiError::Code::InvalidToken, u"no saved session"_s);
        return result;
    }
    ApiResult answer;
    client.post(path, body, &api, [&answer](const ApiResult &result) {
        answer = result;
        QCoreApplication::quit();
    });
    QCoreApplication::exec();
    return answer;
}

QrScanner::Result grabScreen()
{
    QScreen *screen = QGuiApplication::primaryScreen();
    if (!screen)
        return {QrScanner::Problem::UnreadableImage, {}};
    return QrScanner::scanImage(screen->grabWindow(0).toImage());
}

int scan(ApiClient &api, const QString &profileDir, const QString &imagePath, bool fromScreen)
{
    if (imagePath.isEmpty() == !fromScreen) {
        err() << "moim-phone scan: give either --image FILE or --screen" << Qt::endl;
        return 2;
    }
    const QrScanner::Result found = fromScreen ? grabScreen() : QrScanner::scanFile(imagePath);
    const QString source = fromScreen ? u"the screen"_s : imagePath;
    switch (found.problem) {
    case QrScanner::Problem::UnreadableImage:
        err() << "Cannot read " << source << " as an image." << Qt::endl;
        return 3;
    case QrScanner::Problem::NoQrCode:
        err() << "No QR code found in " << source
              << ". Make sure the whole code is visible and sharp." << Qt::endl;
        return 3;
    case QrScanner::Problem::None:
        break;
    }
    QrLoginUri::Problem problem = QrLoginUri::Problem::None;
    const auto uri = QrLoginUri::parse(found.text, &problem);
    if (!uri) {
        if (problem == QrLoginUri::Problem::NotMoim)
            err() << "This QR code is not a Moim sign-in code." << Qt::endl;
        else
            err() << "This Moim sign-in code is incomplete or damaged. Show a new code on the "
                     "computer and scan it again."
                  << Qt::endl;
        return 3;
    }

    const ApiResult result =
        callAsPhone(api, profileDir, protocol::path::QrScan,
                    {{u"qr_session"_s, uri->session}, {u"nonce"_s, uri->nonce}});
    if (!result.ok()) {
        err() << describeQr(result.error) << Qt::endl;
        return 1;
    }
    const QString requestId = result.body.value("request_id"_L1).toString();
    const QJsonObject device = result.body.value("device"_L1).toObject();
    const QDateTime when =
        QDateTime::fromSecsSinceEpoch(result.body.value("requested_at"_L1).toInteger());
    const QString whenText = QLocale::c().toString(when, u"yyyy-MM-dd HH:mm:ss t"_s);
    // The device name and OS are whatever the computer said about itself; the IP address and
    // the time are what the server saw.
    out() << "Sign-in request " << shown(requestId) << Qt::endl
          << "  Computer (as it claims): " << shown(device.value("name"_L1).toString()) << ", "
          << shown(device.value("os"_L1).toString()) << Qt::endl
          << "  IP address seen by the server: " << shown(result.body.value("ip"_L1).toString())
          << Qt::endl
          << "  Requested at: " << whenText << Qt::endl
          << "If this is you, enter the number the computer shows:" << Qt::endl
          << "  moim-phone approve " << shown(requestId) << " --code NN" << Qt::endl
          << "Otherwise: moim-phone deny " << shown(requestId) << Qt::endl;
    return 0;
}

int approve(ApiClient &api, const QString &profileDir, const QString &requestId,
            const QString &code)
{
    static const QRegularExpression twoDigits(u"^[0-9]{2}$"_s);
    if (requestId.isEmpty() || !twoDigits.match(code).hasMatch()) {
        err() << "moim-phone approve: give the request id and --code NN, the two digits the "
                 "computer shows"
              << Qt::endl;
        return 2;
    }
    const ApiResult result = callAsPhone(api, profileDir, protocol::path::QrApprove,
                                         {{u"request_id"_s, requestId}, {u"check_code"_s, code}});
    if (!result.ok()) {
        err() << describeQr(result.error) << Qt::endl;
        return 1;
    }
    out() << "Approved. The computer is being signed in." << Qt::endl;
    return 0;
}

int deny(ApiClient &api, const QString &profileDir, const QString &requestId)
{
    if (requestId.isEmpty()) {
        err() << "moim-phone deny: give the request id" << Qt::endl;
        return 2;
    }
    const ApiResult result =
        callAsPhone(api, profileDir, protocol::path::QrDeny, {{u"request_id"_s, requestId}});
    if (!result.ok()) {
        err() << describeQr(result.error) << Qt::endl;
        return 1;
    }
    out() << "Denied. The computer was told, and nothing was signed in." << Qt::endl;
    return 0;
}

// What the phone says about a refused personal-account sign-in, or a refused answer to a push
// request (sign-in or link).
QString describePush(const ApiError &error)
{
    switch (error.code) {
    case ApiError::Code::InvalidCredentials:
        return u"The personal account id or its password is not right."_s;
    case ApiError::Code::InvalidToken:
        return u"This phone is not signed in to a personal account (or that session ended). "
               "Run: moim-phone login --personal YOUR-PERSONAL-ID"_s;
    case ApiError::Code::PushExpired:
        return u"This request has expired: requests last 60 seconds. Start again on the "
               "computer."_s;
    case ApiError::Code::PushUsed:
        return u"This request was already approved, denied or ended. Run moim-phone pending to "
               "see the requests that are still waiting."_s;
    case ApiError::Code::WrongCode:
        return u"That is not the number the computer shows. For your safety this request has "
               "ended; start again on the computer to try once more."_s;
    case ApiError::Code::NotFound:
        return u"Your personal account has no such request waiting. Run moim-phone pending to "
               "see the current ones."_s;
    case ApiError::Code::AlreadyLinked:
        return u"Not linked: this personal account is already linked to a Moim work account "
               "(one per server), or the work account already has a personal account. Unlink "
               "the old link under My account first."_s;
    case ApiError::Code::UnauthorizedUser:
        return u"Not signed in: the work account has no active workspace (unauthorized user). "
               "Ask your admin whether it was deactivated."_s;
    case ApiError::Code::TooManyAttempts:
        return u"Too many attempts on the work account. Try again in %1 s."_s.arg(
            error.retryAfterSeconds);
    default:
        return describe(error);
    }
}

// `login --personal ID`: the phone signs in to the personal account with that provider's own
// password, like the personal messenger app on a real phone.
int personalLogin(ApiClient &api, const QString &profileDir, const QString &personalId,
                  bool passwordFromStdin)
{
    if (personalId.trimmed().isEmpty()) {
        err() << "moim-phone login: --personal needs the personal account id" << Qt::endl;
        return 2;
    }
    QTextStream input(stdin);
    const QString password =
        passwordFromStdin
            ? input.readLine()
            : readSecretLine(u"Password for the personal account %1: "_s.arg(personalId.trimmed()));
    if (password.isEmpty()) {
        err() << "moim-phone login: no password given" << Qt::endl;
        return 2;
    }
    ApiResult answer;
    api.post(protocol::path::PersonalLogin,
             {{u"personal_account"_s, personalId.trimmed()},
              {u"password"_s, password},
              {u"device"_s, QJsonObject{{u"name"_s, u"moim-phone"_s}}}},
             {}, &api, [&answer](const ApiResult &result) {
                 answer = result;
                 QCoreApplication::quit();
             });
    QCoreApplication::exec();
    if (!answer.ok()) {
        err() << describePush(answer.error) << Qt::endl;
        return 1;
    }
    const QJsonObject account = answer.body.value("personal_account"_L1).toObject();
    const PersonalSession::Saved saved{
        answer.body.value("token"_L1).toString(), answer.body.value("expires_at"_L1).toInteger(),
        account.value("id"_L1).toString(), account.value("display_name"_L1).toString()};
    if (saved.token.isEmpty() || saved.personalId.isEmpty()) {
        err() << "The server answered with something that is not a session." << Qt::endl;
        return 1;
    }
    if (!PersonalSession(profileDir).save(saved)) {
        err() << "Signed in, but could not save the session in " << profileDir << Qt::endl;
        return 1;
    }
    out() << "Signed in on this phone to the personal account " << shown(saved.displayName) << " <"
          << shown(saved.personalId) << ">" << Qt::endl
          << "Sign-in and link requests for it appear under: moim-phone pending" << Qt::endl;
    return 0;
}

// Runs one call of the phone's personal-account session and waits for it.
ApiResult callAsPersonal(ApiClient &api, const QString &profileDir, QLatin1StringView path,
                         const std::optional<QJsonObject> &body)
{
    const auto saved = PersonalSession(profileDir).load();
    ApiResult answer;
    if (!saved) {
        answer.error = ApiError::fromCode(ApiError::Code::InvalidToken, u"no personal session"_s);
        return answer;
    }
    const auto done = [&answer](const ApiResult &result) {
        answer = result;
        QCoreApplication::quit();
    };
    if (body)
        api.post(path, *body, saved->token, &api, done);
    else
        api.get(path, saved->token, &api, done);
    QCoreApplication::exec();
    return answer;
}

// `pending`: the push requests waiting for the personal account this phone is signed in to.
// The number is never listed: only the computer shows it.
int pending(ApiClient &api, const QString &profileDir)
{
    const ApiResult result =
        callAsPersonal(api, profileDir, protocol::path::PersonalRequests, std::nullopt);
    if (!result.ok()) {
        err() << describePush(result.error) << Qt::endl;
        return 1;
    }
    const auto saved = PersonalSession(profileDir).load();
    const QString owner = u"%1 <%2>"_s.arg(shown(saved->displayName), shown(saved->personalId));
    const QJsonArray requests = result.body.value("requests"_L1).toArray();
    if (requests.isEmpty()) {
        out() << "No pending requests for " << owner << "." << Qt::endl;
        return 0;
    }
    out() << "Pending requests for your personal account " << owner << ":" << Qt::endl;
    for (const QJsonValue &value : requests) {
        const QJsonObject request = value.toObject();
        const QString id = request.value("request_id"_L1).toString();
        const bool link = request.value("kind"_L1).toString() == "link"_L1;
        const QJsonObject work = request.value("work_account"_L1).toObject();
        const QJsonObject device = request.value("device"_L1).toObject();
        const QDateTime when =
            QDateTime::fromSecsSinceEpoch(request.value("requested_at"_L1).toInteger());
        const QString workAccount =
            u"%1 <%2>"_s.arg(shown(work.value("display_name"_L1).toString()),
                             shown(work.value("email"_L1).toString()));
        out() << Qt::endl
              << (link ? "Link request " : "Sign-in request ") << shown(id) << Qt::endl
              << (link ? "  Links this personal account to the Moim work account: "
                       : "  Signs in to Moim as: ")
              << workAccount << Qt::endl
              << "  Computer (as it claims): " << shown(device.value("name"_L1).toString()) << ", "
              << shown(device.value("os"_L1).toString()) << Qt::endl
              << "  IP address seen by the server: " << shown(request.value("ip"_L1).toString())
              << Qt::endl
              << "  Requested at: " << QLocale::c().toString(when, u"yyyy-MM-dd HH:mm:ss t"_s)
              << " (expires in " << request.value("expires_in"_L1).toInteger() << " s)" << Qt::endl
              << "  If this is you: moim-phone approve " << shown(id)
              << " --code NN   (the number the computer shows)" << Qt::endl
              << "  If not:         moim-phone deny " << shown(id)
              << " --report   (\"I didn't request this\")" << Qt::endl;
    }
    return 0;
}

int approvePush(ApiClient &api, const QString &profileDir, const QString &requestId,
                const QString &code)
{
    const ApiResult result =
        callAsPersonal(api, profileDir, protocol::path::PersonalApprove,
                       QJsonObject{{u"request_id"_s, requestId}, {u"check_code"_s, code}});
    if (!result.ok()) {
        err() << describePush(result.error) << Qt::endl;
        return 1;
    }
    if (result.body.value("kind"_L1).toString() == "link"_L1)
        out() << "Approved. This personal account is now linked to the work account; a mail "
                 "went to the work address."
              << Qt::endl;
    else
        out() << "Approved. The computer is being signed in." << Qt::endl;
    return 0;
}

int denyPush(ApiClient &api, const QString &profileDir, const QString &requestId, bool report)
{
    const ApiResult result =
        callAsPersonal(api, profileDir, protocol::path::PersonalDeny,
                       QJsonObject{{u"request_id"_s, requestId}, {u"report"_s, report}});
    if (!result.ok()) {
        err() << describePush(result.error) << Qt::endl;
        return 1;
    }
    if (report) {
        const qint64 minutes = (result.body.value("blocked_for"_L1).toInteger() + 59) / 60;
        out() << "Denied and reported. Requests to this personal account are blocked for the "
                 "next "
              << minutes << " minutes, and a mail went to the work address." << Qt::endl;
    } else {
        out() << "Denied. The computer was told, and nothing was signed in or linked." << Qt::endl;
    }
    return 0;
}

// `totp add`: reads an otpauth:// URI from --uri, a QR code in --image, or one on the screen.
int totpAdd(const QString &profileDir, const QString &uriText, const QString &imagePath,
            bool screen)
{
    QString text = uriText;
    if (!imagePath.isEmpty() || screen) {
        QImage image;
        if (screen) {
            QScreen *primary = QGuiApplication::primaryScreen();
            image = primary ? primary->grabWindow(0).toImage() : QImage();
            if (image.isNull()) {
                err() << "moim-phone totp add: cannot capture the screen" << Qt::endl;
                return 1;
            }
        } else if (!image.load(imagePath)) {
            err() << "moim-phone totp add: cannot read the image " << imagePath << Qt::endl;
            return 1;
        }
        const auto scanned = QrScanner::scanImage(image);
        if (scanned.problem != QrScanner::Problem::None) {
            err() << "moim-phone totp add: no QR code found" << Qt::endl;
            return 1;
        }
        text = scanned.text;
    }
    if (text.isEmpty()) {
        err() << "moim-phone totp add: give --uri URI, --image FILE or --screen" << Qt::endl;
        return 2;
    }
    otp::OtpauthUri::Error error = otp::OtpauthUri::Error::None;
    const auto uri = otp::OtpauthUri::parse(text, &error);
    if (!uri) {
        err() << "moim-phone totp add: " << otp::OtpauthUri::describe(error) << Qt::endl;
        return 1;
    }
    if (!phone::AuthenticatorStore(profileDir).add({uri->label(), uri->secret()})) {
        err() << "moim-phone totp add: cannot save in " << profileDir << Qt::endl;
        return 1;
    }
    out() << "Added " << shown(uri->label()) << Qt::endl;
    return 0;
}

// `totp code [ACCOUNT]`: the current 6-digit code, on a line of its own.
int totpCode(const QString &profileDir, const QString &account)
{
    const phone::AuthenticatorStore store(profileDir);
    const auto entry = store.find(account);
    if (!entry) {
        err() << "moim-phone totp code: "
              << (store.entries().isEmpty() ? u"no accounts yet (totp add first)"_s
                                            : u"name one account: "_s)
              << Qt::endl;
        for (const auto &each : store.entries())
            err() << "  " << shown(each.label) << Qt::endl;
        return 1;
    }
    out() << otp::Totp::generate(entry->secret, QDateTime::currentSecsSinceEpoch()) << Qt::endl;
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    // Grabbing the screen needs a display connection (QT_QPA_PLATFORM from the environment);
    // everything else runs without one.
    bool wantsScreen = false;
    for (int i = 1; i < argc; ++i)
        wantsScreen = wantsScreen || qstrcmp(argv[i], "--screen") == 0;
    std::unique_ptr<QCoreApplication> application =
        wantsScreen ? std::make_unique<QGuiApplication>(argc, argv)
                    : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication &app = *application;
    // A terminal program speaks in sentences; the library's diagnostic lines would be noise.
    QLoggingCategory::setFilterRules(u"moim.*.info=false"_s);
    QCoreApplication::setApplicationName(u"moim-phone"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(MOIM_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"A command-line stand-in for the Moim mobile app.\n\n"
        "Commands:\n"
        "  login --email EMAIL [--password-stdin] [--code CODE | --recovery-code CODE]\n"
        "                                 sign in as a phone (asks for the 2-step code)\n"
        "  login --personal ID [--password-stdin]\n"
        "                                 sign in to a personal account (push requests)\n"
        "  scan --image FILE | --screen   scan a QR sign-in code\n"
        "  pending                        list the personal account's push requests\n"
        "  approve REQUEST --code NN      approve with the number the computer shows\n"
        "                                 (r_… from scan, p_… from pending)\n"
        "  deny REQUEST [--report]        deny a request; --report: \"I didn't request\n"
        "                                 this\" (pauses pushes to the personal account)\n"
        "  totp add --uri URI | --image FILE | --screen\n"
        "                                 add an authenticator account from an otpauth QR\n"
        "  totp code [ACCOUNT]            print the current code"_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption serverOption(
        u"server"_s,
        u"Server URL (default %1)."_s.arg(QLatin1StringView(ServerAddress::DefaultUrl)), u"URL"_s,
        QLatin1StringView(ServerAddress::DefaultUrl));
    const QCommandLineOption profileOption(u"profile"_s,
                                           u"Folder that keeps this phone's session."_s, u"DIR"_s);
    const QCommandLineOption emailOption(u"email"_s, u"Work email to sign in with."_s, u"EMAIL"_s);
    const QCommandLineOption passwordStdinOption(u"password-stdin"_s,
                                                 u"Read the password from standard input."_s);
    const QCommandLineOption imageOption(
        u"image"_s, u"scan, totp add: the QR code in this image."_s, u"FILE"_s);
    const QCommandLineOption screenOption(u"screen"_s,
                                          u"scan, totp add: the QR code shown on this display."_s);
    const QCommandLineOption codeOption(
        u"code"_s,
        u"approve: the number the computer shows; login: the 2-step verification code."_s,
        u"CODE"_s);
    const QCommandLineOption recoveryOption(u"recovery-code"_s,
                                            u"login: a recovery code instead."_s, u"CODE"_s);
    const QCommandLineOption uriOption(u"uri"_s, u"totp add: an otpauth:// URI."_s, u"URI"_s);
    const QCommandLineOption personalOption(
        u"personal"_s, u"login: the personal account id to sign in to."_s, u"ID"_s);
    const QCommandLineOption reportOption(
        u"report"_s, u"deny: \"I didn't request this\" (pauses pushes for a while)."_s);
    parser.addOptions({serverOption, profileOption, emailOption, passwordStdinOption, imageOption,
                       screenOption, codeOption, recoveryOption, uriOption, personalOption,
                       reportOption});
    parser.addPositionalArgument(u"command"_s, u"login, scan, pending, approve, deny or totp"_s);
    parser.process(app);

    const QStringList arguments = parser.positionalArguments();
    if (arguments.isEmpty()) {
        parser.showHelp(2);
    }

    const ServerAddress server = ServerAddress::parse(parser.value(serverOption));
    if (!server.isValid()) {
        err() << "moim-phone: " << parser.value(serverOption)
              << " is not a usable server address (plain http only to this computer)." << Qt::endl;
        return 2;
    }
    QString profileDir = parser.value(profileOption);
    if (profileDir.isEmpty()) {
        profileDir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
                     u"/moim-phone/default"_s;
    }

    const QString command = arguments.first();
    if (command == "totp"_L1 && arguments.value(1) == "add"_L1)
        return totpAdd(profileDir, parser.value(uriOption), parser.value(imageOption),
                       parser.isSet(screenOption));
    if (command == "totp"_L1 && arguments.value(1) == "code"_L1)
        return totpCode(profileDir, arguments.value(2));

    ApiClient api(server, u"moim-phone"_s, QStringLiteral(MOIM_VERSION));
    if (command == "login"_L1 && parser.isSet(personalOption)) {
        if (parser.isSet(emailOption)) {
            err() << "moim-phone login: give either --email or --personal" << Qt::endl;
            return 2;
        }
        return personalLogin(api, profileDir, parser.value(personalOption),
                             parser.isSet(passwordStdinOption));
    }
    if (command == "login"_L1)
        return login(api, profileDir, parser.value(emailOption), parser.isSet(passwordStdinOption),
                     parser.value(codeOption), parser.value(recoveryOption));
    if (command == "scan"_L1)
        return scan(api, profileDir, parser.value(imageOption), parser.isSet(screenOption));
    if (command == "pending"_L1)
        return pending(api, profileDir);
    // The id says what it answers: r_… is a scanned QR code, p_… a push request.
    const QString requestId = arguments.value(1);
    const bool push = requestId.startsWith(protocol::requestPrefix::Push);
    if ((command == "approve"_L1 || command == "deny"_L1) && !requestId.isEmpty() && !push &&
        !requestId.startsWith(protocol::requestPrefix::Qr)) {
        err() << "moim-phone " << command << ": " << requestId
              << " is not a request id; use the r_… id that scan printed or the p_… id that "
                 "pending printed"
              << Qt::endl;
        return 2;
    }
    if (command == "approve"_L1) {
        static const QRegularExpression twoDigits(u"^[0-9]{2}$"_s);
        if (push && twoDigits.match(parser.value(codeOption)).hasMatch())
            return approvePush(api, profileDir, requestId, parser.value(codeOption));
        return approve(api, profileDir, requestId, parser.value(codeOption));
    }
    if (command == "deny"_L1) {
        if (push)
            return denyPush(api, profileDir, requestId, parser.isSet(reportOption));
        if (parser.isSet(reportOption)) {
            err() << "moim-phone deny: --report is for push requests (p_…); a QR sign-in "
                     "request is simply denied"
                  << Qt::endl;
            return 2;
        }
        return deny(api, profileDir, requestId);
    }

    err() << "moim-phone: unknown command " << command << " (see --help)" << Qt::endl;
    return 2;
}
