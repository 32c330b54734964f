#pragma once

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

namespace cp::test {

// A private folder for one test's database files, removed afterwards.
class TempDatabase
{
public:
    TempDatabase();

    QString dir() const { return m_dir.path(); }
    QString path(const QString &name = QStringLiteral("incidents.sqlite")) const;
    bool isValid() const { return m_dir.isValid(); }

    // The file's bytes hashed (empty for a missing file): proves a refusal touched nothing.
    static QByteArray fingerprint(const QString &file);
    // Names of the files in the folder: proves no -wal/-shm/lock file appeared.
    QStringList files() const;
    // Writes raw bytes to a file, for hostile-file tests.
    bool writeBytes(const QString &file, const QByteArray &bytes) const;
    // Scribbles over the first page of one table of a closed database (its b-tree root), leaving
    // every other table sound: damage that only a check of that table finds.
    static bool damageTable(const QString &file, const QString &table);

    // Path of a sibling executable of the test (commandpost-cli, …) via CP_TEST_BIN_DIR.
    static QString executable(const QString &name);

private:
    QTemporaryDir m_dir;
};

} // namespace cp::test
