#include "outboxsender.h"

#include "outbox.h"
#include "storesession.h"
#include "timelinerepository.h"

#include <QUuid>

namespace cp {

namespace {

// Worth another try later: the server was out of reach or held by another writer past the wait.
bool isTemporary(const StoreError &error)
{
    return error.code() == StoreError::Code::Unreachable || error.code() == StoreError::Code::Busy ||
           error.code() == StoreError::Code::NotOpen;
}

} // namespace

OutboxSender::OutboxSender(StoreSession &session, TimelineRepository &timeline, Outbox &outbox, QObject *parent)
    : QObject(parent), m_session(session), m_timeline(timeline), m_outbox(outbox)
{
    connect(&m_session.link(), &ServerLink::stateChanged, this, [this](ServerLink::State state) {
        if (state == ServerLink::State::Connected)
            send();
    });
}

Result<OutboxSender::Logged> OutboxSender::log(const NewEntry &entry)
{
    if (StoreError refused = TimelineRepository::checkEntry(entry); !refused.ok())
        return refused;
    NewEntry e = entry;
    if (e.clientId.isEmpty())
        e.clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    // Older entries still waiting go first; while any wait, this one waits behind them.
    auto waiting = m_outbox.waiting();
    if (!waiting)
        return waiting.error();
    if (*waiting > 0 && !m_session.link().isDown()) {
        auto report = send();
        if (!report)
            return report.error();
        waiting = report->waiting;
    }
    if (*waiting == 0 && !m_session.link().isDown()) {
        auto id = m_timeline.append(e);
        if (id)
            return Logged{*id, false, e.clientId};
        if (!isTemporary(id.error()))
            return id.error();
        // Perhaps committed with the reply lost: kept with the same id, it is logged once either way.
    }
    const QDateTime now = m_session.clock().nowUtc();
    if (!e.capturedAt.isValid())
        e.capturedAt = now;
    if (!e.occurredAt.isValid())
        e.occurredAt = e.capturedAt;
    if (StoreError error = m_outbox.add(e); !error.ok())
        return error;
    return Logged{0, true, e.clientId};
}

Result<OutboxSender::Report> OutboxSender::send()
{
    Report report;
    if (m_sending) // a send() reached again through a reconnect inside a write
        return report;
    m_sending = true;
    auto pending = m_outbox.entries();
    if (!pending) {
        m_sending = false;
        return pending.error();
    }
    StoreError stopped;
    for (const PendingEntry &p : std::as_const(*pending)) {
        if (!p.refused.isEmpty())
            continue;
        if (!stopped.ok()) {
            ++report.waiting;
            continue;
        }
        auto id = m_timeline.append(p.entry);
        if (!id && isTemporary(id.error())) {
            stopped = id.error();
            ++report.waiting;
            continue;
        }
        const StoreError kept =
            id ? m_outbox.remove(p.entry.clientId) : m_outbox.markRefused(p.entry.clientId, id.error().message());
        if (!kept.ok()) {
            m_sending = false;
            return kept;
        }
        if (id)
            ++report.sent;
        else
            ++report.refused;
    }
    m_sending = false;
    if (report.sent > 0 || report.refused > 0)
        emit delivered(report);
    return report;
}

} // namespace cp
