#pragma once

#include <QCoreApplication>
#include <QMetaType>
#include <QString>

#include <utility>
#include <variant>

class QSqlError;

namespace cp {

// Why a store operation did not happen. Every refusal and failure carries a one-line
// message a person can act on; the code lets callers (CLI exit codes, tests, retry logic)
// tell the cases apart without parsing text.
class StoreError
{
    Q_DECLARE_TR_FUNCTIONS(cp::StoreError)
public:
    enum class Code
    {
        None,
        FileMissing, // no such file and creating it was not asked for
        IsDirectory, // the path names a folder
        EmptyFile,   // zero bytes
        NotSqlite,   // not a SQLite database at all
        Truncated,   // a SQLite file cut short
        Corrupt,     // SQLite says the content is damaged
        Foreign,     // a SQLite database of another application
        TooNew,      // written by a newer CommandPost
        TooOld,      // needs an upgrade that a read-only open cannot do
        ReadOnly,    // the file or its folder cannot be written
        Busy,        // another writer held the lock past the busy timeout
        DiskFull,
        Io, // any other I/O failure
        NotOpen,
        NotFound,    // no such incident or entry
        Invalid,     // the request itself is malformed (empty title, bad value)
        Internal,    // an unexpected SQL failure: a bug
        Unreachable, // team mode: the server cannot be reached
        Denied,      // team mode: the server refused the login or the change (its GRANTs)
    };

    StoreError() = default;
    StoreError(Code code, QString message) : m_code(code), m_message(std::move(message)) {}

    Code code() const { return m_code; }
    QString message() const { return m_message; }
    // True when nothing went wrong. (No operator bool: Result's means success, so one for an
    // error would read the other way round.)
    bool ok() const { return m_code == Code::None; }
    // A serialization failure or deadlock on the server (SQLSTATE 40001, 40P01): the transaction
    // was rolled back whole and running it again may succeed (StoreSession::write does).
    bool isTransient() const { return m_transient; }

    // Classifies a driver error by SQLite's native result code (busy, full, read-only, corrupt …).
    static StoreError fromSql(const QSqlError &error, const QString &doing);
    // The same for a result code of the SQLite C API (databasebackup.cpp); detail is sqlite3_errmsg.
    static StoreError fromSqliteCode(int resultCode, const QString &detail, const QString &doing);
    // The same for a PostgreSQL SQLSTATE ("42501" …) from the team server.
    static StoreError fromSqlState(const QString &sqlState, const QString &detail, const QString &doing);
    static QString codeName(Code code); // "busy", "disk-full" …: stable, for scripts and tests

private:
    Code m_code = Code::None;
    QString m_message;
    bool m_transient = false;
};

// A value or the reason there is none.
template <typename T> class Result
{
public:
    Result(T value) : m_state(std::move(value)) {}          // NOLINT(google-explicit-constructor)
    Result(StoreError error) : m_state(std::move(error)) {} // NOLINT(google-explicit-constructor)

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }
    // On a temporary Result these return the value itself, not a reference into the dying
    // temporary, so `for (auto &x : *store.entries(page))` is safe.
    const T &value() const & { return std::get<T>(m_state); }
    T &value() & { return std::get<T>(m_state); }
    T value() && { return std::move(std::get<T>(m_state)); }
    const T &operator*() const & { return value(); }
    T &operator*() & { return value(); }
    T operator*() && { return std::move(std::get<T>(m_state)); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }
    StoreError error() const { return ok() ? StoreError() : std::get<StoreError>(m_state); }

private:
    std::variant<T, StoreError> m_state;
};

} // namespace cp

Q_DECLARE_METATYPE(cp::StoreError)
