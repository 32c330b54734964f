#include "serverprobe.h"

#include "serverconnection.h"

#include <QFutureWatcher>
#include <QPromise>

#include <thread>

namespace cp {

ServerProbe::ServerProbe(QObject *parent) : QObject(parent) {}

ServerProbe::~ServerProbe()
{
    cancel();
}

void ServerProbe::start(const ServerAddress &address)
{
    cancel();
    QPromise<StoreError> promise;
    auto *watcher = new QFutureWatcher<StoreError>(this);
    m_watcher = watcher;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        const StoreError answer = watcher->future().resultCount() > 0 ? watcher->result() : StoreError();
        watcher->deleteLater();
        m_watcher.clear();
        emit finished(answer);
    });
    watcher->setFuture(promise.future());
    promise.start();
    std::thread([promise = std::move(promise), address]() mutable {
        promise.addResult(ServerConnection::probe(address));
        promise.finish();
    }).detach();
}

void ServerProbe::cancel()
{
    // The watcher goes with whatever it had queued; the thread finishes into a future nobody reads.
    delete m_watcher.data();
    m_watcher.clear();
}

} // namespace cp
