#pragma once

#include "domain/timelineentry.h"
#include "storeerror.h"

#include <QObject>

namespace cp {

class Outbox;
class StoreSession;
class TimelineRepository;

// Team mode's way of logging that survives a lost server: an entry goes to the server when it
// answers, and otherwise into the durable outbox, from which send() delivers it later in the
// order written, once (the client id it carries is unique on the server). The session's link
// coming back sends what waits; so does the next log(), so a new entry never overtakes an older
// one still waiting.
class OutboxSender final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OutboxSender)

public:
    struct Logged
    {
        qint64 entryId = 0;   // the server's id; 0 while pending
        bool pending = false; // in the outbox, not on the server yet
        QString clientId;
    };
    struct Report
    {
        int sent = 0;       // on the server now (sent again after a lost reply: counted, logged once)
        int refused = 0;    // refused by the server's rules; kept in the outbox with the reason
        qint64 waiting = 0; // still in the outbox, to be sent when the server answers
    };

    OutboxSender(StoreSession &session, TimelineRepository &timeline, Outbox &outbox, QObject *parent = nullptr);

    // On the server, or in the outbox (on disk when this returns) when the server cannot be
    // reached. Refused at once, and kept nowhere, when the entry itself is wrong.
    Result<Logged> log(const NewEntry &entry);
    // Sends what waits, oldest first; stops at the first entry that finds the server out of reach
    // or busy (the rest waits for the next chance).
    Result<Report> send();

signals:
    void delivered(const cp::OutboxSender::Report &report);

private:
    StoreSession &m_session;
    TimelineRepository &m_timeline;
    Outbox &m_outbox;
    bool m_sending = false;
};

} // namespace cp
