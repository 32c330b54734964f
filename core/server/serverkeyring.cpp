#include "serverkeyring.h"

#include <QEventLoop>
#include <QTimer>

#include <qt6keychain/keychain.h>

namespace cp {

namespace {

const QString KeyringService = QStringLiteral("CommandPost team server");
// A keyring that does not answer (no session bus, a locked wallet left unanswered) must not hang
// a script.
constexpr int KeyringTimeoutMs = 5000;

// Runs the job to its end, or gives up after the timeout; false when it gave up.
bool runToEnd(QKeychain::Job &job)
{
    job.setAutoDelete(false);
    QEventLoop loop;
    bool finished = false;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QTimer::singleShot(KeyringTimeoutMs, &loop, &QEventLoop::quit);
    job.start();
    if (!finished)
        loop.exec();
    return finished;
}

StoreError keyringError(const QKeychain::Job &job, bool finished)
{
    if (!finished)
        return {StoreError::Code::Io,
                ServerKeyring::tr("The desktop keyring did not answer within %1 s.").arg(KeyringTimeoutMs / 1000)};
    if (job.error() == QKeychain::EntryNotFound)
        return {StoreError::Code::NotFound, ServerKeyring::tr("The desktop keyring keeps no password for it.")};
    return {StoreError::Code::Io, ServerKeyring::tr("The desktop keyring is not available: %1").arg(job.errorString())};
}

} // namespace

Result<QString> ServerKeyring::password(const QString &key)
{
    QKeychain::ReadPasswordJob job(KeyringService);
    job.setKey(key);
    const bool finished = runToEnd(job);
    if (!finished || job.error() != QKeychain::NoError)
        return keyringError(job, finished);
    return job.textData();
}

StoreError ServerKeyring::setPassword(const QString &key, const QString &password)
{
    QKeychain::WritePasswordJob job(KeyringService);
    job.setKey(key);
    job.setTextData(password);
    const bool finished = runToEnd(job);
    if (!finished || job.error() != QKeychain::NoError)
        return keyringError(job, finished);
    return {};
}

StoreError ServerKeyring::forget(const QString &key)
{
    QKeychain::DeletePasswordJob job(KeyringService);
    job.setKey(key);
    const bool finished = runToEnd(job);
    if (!finished || job.error() != QKeychain::NoError)
        return keyringError(job, finished);
    return {};
}

} // namespace cp
