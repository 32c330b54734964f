#pragma once

#include "db/storeerror.h"

#include <QString>

namespace cp {

// A team server password kept in the desktop keyring (Secret Service, KWallet) through
// qtkeychain, under the login's user@host:port/dbname, never in plain settings. Each call waits
// for the keyring (at most a few seconds) and needs a QCoreApplication.
class ServerKeyring
{
    Q_DECLARE_TR_FUNCTIONS(cp::ServerKeyring)

public:
    // The password kept for 'key'; NotFound when none is kept, Io when no keyring answers.
    static Result<QString> password(const QString &key);
    static StoreError setPassword(const QString &key, const QString &password);
    static StoreError forget(const QString &key);
};

} // namespace cp
