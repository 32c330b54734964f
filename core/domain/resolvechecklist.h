#pragma once

#include "business.h"
#include "incident.h"
#include "incidentaction.h"
#include "postmortem.h"
#include "rollcall.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace cp {

// What is still open when the IC resolves an incident. Each item is settled (done, restarted,
// answered, sent, named) or acknowledged with a reason that goes on the timeline; only then does
// the incident resolve.
enum class ResolveBlockerKind
{
    OpenAction,      // a repair action not done or cancelled (follow-ups belong to the postmortem)
    HaltedActivity,  // an outbound activity halted and not restarted
    MissedRollCall,  // a role that did not answer, still on the Deputy's missed list
    MessageInReview, // a message drafted and not sent
    MessageDue,      // an audience with no message for the current phase
    PostmortemOwner, // nobody owns the postmortem yet
};

struct ResolveBlocker
{
    ResolveBlockerKind kind = ResolveBlockerKind::OpenAction;
    // Stable across reads, for the CLI and acknowledgements: "action:12", "activity:3",
    // "missed:sme:4" (role and person), "message:7", "due:customers", "postmortem".
    QString key;
    qint64 id = 0; // the action, activity or message; the latest missed item; 0 otherwise
    QString text;  // one line: "Action #12 “Restart the consumers” is open and has no owner"
};

// A blocker the IC accepts as it is. key "*" stands for every blocker not named on its own.
struct ResolveAcknowledgement
{
    QString key;
    QString reason;
};

// Everything the checklist reads, loaded by the store in one transaction.
struct ResolveInputs
{
    Incident incident;
    QList<IncidentAction> actions;
    QList<RollCallItem> rollCallItems;
    std::optional<BusinessMode> businessMode;
    QList<BusinessActivity> activities;
    QList<Message> messages;
    QList<SkippedCell> skippedCells;
    std::optional<Postmortem> postmortem;
};

class ResolveChecklist
{
    Q_DECLARE_TR_FUNCTIONS(cp::ResolveChecklist)
public:
    static QList<ResolveBlocker> blockers(const ResolveInputs &inputs);
    // The reason each blocker is acknowledged with, in blocker order; an error names the first
    // blocker left without one, or an acknowledgement without a reason or of nothing open.
    static std::optional<QString> unacknowledged(const QList<ResolveBlocker> &blockers,
                                                 const QList<ResolveAcknowledgement> &acknowledgements,
                                                 QStringList *reasons);
    static QString kindLabel(ResolveBlockerKind kind); // "Open action", "Halted activity" …
};

} // namespace cp
