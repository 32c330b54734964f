#pragma once

#include <QByteArray>
#include <QString>

namespace cp::test {

// The -wal of another application's SQLite database (a table of its own, one committed row),
// made in 'folder' with its scratch files removed again: what lands beside a database when
// someone copies the wrong -wal.
QByteArray foreignWal(const QString &folder, int pageSize = 4096);

} // namespace cp::test
