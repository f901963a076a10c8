#pragma once

#include <QSqlDatabase>
#include <QString>
#include <functional>

namespace moim {

// Opens a database file read-only on a connection of its own, lets `read` take what it can, and
// closes it again: for reading rows out of a damaged file before it is moved aside.
void readDamagedDatabase(const QString &filePath, const std::function<void(QSqlDatabase &)> &read);

} // namespace moim
