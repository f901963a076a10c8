#pragma once

#include <QObject>
#include <QString>
#include <functional>

namespace moim {

// Where tokens live: the OS keychain in the product, memory in tests. Nothing else may hold a
// secret; callers that get Unavailable keep the secret in memory only.
class SecretStore : public QObject
{
    Q_OBJECT

public:
    enum class Status
    {
        Ok,
        NotFound,    // an ordinary answer: nothing stored under that key
        Unavailable, // no working keychain (none installed, locked, or it did not answer in time)
        Failed,      // the keychain answered with an error
    };
    Q_ENUM(Status)

    struct Result
    {
        Status status = Status::Ok;
        QString secret; // with read()
        QString detail; // for logs
    };
    using Callback = std::function<void(const Result &)>;

    using QObject::QObject;

    // Every callback runs later from the event loop and never after `context` is destroyed.
    virtual void read(const QString &key, QObject *context, Callback done) = 0;
    virtual void write(const QString &key, const QString &secret, QObject *context,
                       Callback done) = 0;
    virtual void remove(const QString &key, QObject *context, Callback done) = 0;
};

} // namespace moim
