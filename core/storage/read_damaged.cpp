#include "read_damaged.h"

#include <QUuid>

namespace moim {

void readDamagedDatabase(const QString &filePath, const std::function<void(QSqlDatabase &)> &read)
{
    const QString name = QStringLiteral("moim-rescue-") + QUuid::createUuid().toString();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(filePath);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open())
            read(db);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace moim
