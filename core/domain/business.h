#pragma once

#include "incident.h"
#include "roster.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace cp {

// Business incident mode (seed 000 and the business response guide): the business switches to
// emergency operations while a severe technical incident runs, talks to its audiences through
// an approval chain, tells the departments that must know, and switches back afterwards.

// Emergency: outbound activity is being halted. Restoring: "return to normal" was called and
// the halted activities are being restarted, in reverse order. Normal: all clear.
enum class BusinessState
{
    Emergency,
    Restoring,
    Normal
};

struct BusinessMode
{
    qint64 incidentId = 0;
    BusinessState state = BusinessState::Emergency;
    QStringList audiences; // audience keys messages are due to, in order
    QDateTime declaredAt;  // UTC
    QString declaredBy;
    QDateTime normalAt; // UTC: "return to normal" was called; null before
    QString normalBy;
    QDateTime allClearAt;       // UTC: the last halted activity restarted; null before
    qint64 analysisTimerId = 0; // the preliminary analysis countdown; 0: not started
};

// One outbound activity of the emergency-operations checklist (paid ads, email blasts …).
struct BusinessActivity
{
    qint64 id = 0;
    qint64 incidentId = 0;
    int position = 0;
    QString activity;
    QString ownerRoleKey; // "marketing-officer", "social-officer" …
    bool userAdded = false;
    QString addedBy;
    QDateTime haltedAt; // UTC; null: still running
    QString haltedBy;
    QDateTime restartedAt; // UTC; null: not restarted
    QString restartedBy;

    bool isHalted() const { return haltedAt.isValid() && !restartedAt.isValid(); }
    bool isRestarted() const { return restartedAt.isValid(); }
};

struct BriefingQuestion
{
    QString key;  // "affected-now"
    QString text; // the question as the Business Lead asks it
};

struct BriefingAnswer
{
    QString questionKey;
    QString answer;
    QString answeredBy;
    QDateTime answeredAt; // UTC
};

// The approval chain, in order. A message waits at exactly one step.
enum class MessageStep
{
    Draft,
    LegalReview,
    MessagingReview,
    EltApproval,
    IcAuthorisation,
    Send,
    Sent
};
enum class StepVerdict
{
    Done,
    Approved,
    ChangesRequested
};

struct MessageVersion
{
    int version = 1;
    QString text;
    QString channel;
    QDateTime draftedAt; // UTC
    QString draftedBy;
};

// One step taken on one version of a message.
struct MessageStepRecord
{
    qint64 id = 0;
    qint64 messageId = 0;
    int version = 1;
    MessageStep step = MessageStep::Draft;
    StepVerdict verdict = StepVerdict::Done;
    QString comment;
    QString by;
    QDateTime at; // UTC
};

struct Message
{
    qint64 id = 0;
    qint64 incidentId = 0;
    QString audience; // audience key
    QString phase;    // phase key
    QString channel;  // "email", "status page", "chat" …
    QString text;     // the current version
    int version = 1;
    // The step it waits for: Draft after changes were requested (a revised draft is due),
    // Sent once distributed.
    MessageStep waitingFor = MessageStep::LegalReview;
    QDateTime createdAt; // UTC
    QString createdBy;
    QDateTime updatedAt;            // UTC
    QDateTime sentAt;               // UTC; null until sent
    QList<MessageVersion> earlier;  // filled by BusinessRepository::message(): older versions, oldest first
    QList<MessageStepRecord> steps; // filled by BusinessRepository::message(): every step, oldest first

    bool isSent() const { return waitingFor == MessageStep::Sent; }
    bool changesRequested() const { return waitingFor == MessageStep::Draft; }
    // The approval chain. Taking 'step' records this verdict (sending is simply done) …
    static StepVerdict verdictFor(MessageStep step, StepVerdict asked);
    // … and the message then waits for the next step, or for a revised draft after changes were asked.
    static MessageStep waitingAfter(MessageStep step, StepVerdict recorded);
};

struct NewMessage
{
    qint64 incidentId = 0;
    QString audience;
    QString phase; // empty: the phase of the incident's current status
    QString channel;
    QString text;
};

// A cell of the audience × phase grid left out on purpose.
struct SkippedCell
{
    QString audience;
    QString phase;
    QString reason;
    QString skippedBy;
    QDateTime skippedAt; // UTC
};

struct StakeholderNotice
{
    qint64 id = 0;
    qint64 incidentId = 0;
    QString departmentKey;
    QDateTime toldAt; // UTC
    QString toldBy;
    QString method; // "phone", "chat", "email" …
    QString note;
};

// A question from the press or on social media, for the Media and Social Officers.
struct InboundQuestion
{
    qint64 id = 0;
    qint64 incidentId = 0;
    QString channel; // "media" or "social"
    QString from;    // who asked: a reporter, an account
    QString question;
    QDateTime receivedAt; // UTC
    QString loggedBy;
    QString answer;
    QDateTime answeredAt; // UTC; null while open
    QString answeredBy;

    bool isAnswered() const { return answeredAt.isValid(); }
};

struct NewActivity
{
    QString activity;
    QString ownerRoleKey;
};

struct BusinessDeclaration
{
    QStringList audiences; // empty: the default audiences
    // The business response roles to add when the incident lacks them, under linkUnderRoleKey
    // (the technical IC) when that role exists.
    std::optional<RoleTemplate> roles;
    QString linkUnderRoleKey = QStringLiteral("ic");
};

// Which departments must be told, and the rest of the rules of the business response.
class BusinessVocabulary
{
    Q_DECLARE_TR_FUNCTIONS(cp::BusinessVocabulary)
public:
    static QString stateKey(BusinessState s); // "emergency", "restoring", "normal"
    static std::optional<BusinessState> stateFromKey(const QString &key);
    static QString stateLabel(BusinessState s);

    // Audiences: internal, strategic, customers, media, social.
    static QStringList allAudiences();
    static QStringList defaultAudiences(); // internal, strategic, customers
    static QString audienceLabel(const QString &key);
    // The role that sends a message to this audience: the Customer Liaison for strategic
    // customers (one to one), the Marketing Officer otherwise.
    static QString senderRoleKey(const QString &audience);
    // How often an update is due to the audience once one was sent: internal about every
    // 30 minutes, the rest about every 20 minutes.
    static qint64 updateIntervalMs(const QString &audience);

    // Phases: investigation, identification, monitoring, resolution.
    static QStringList allPhases();
    static QString phaseLabel(const QString &key);
    static QString phaseForStatus(IncidentStatus status);

    static QString stepKey(MessageStep s); // "draft", "legal-review" …
    static std::optional<MessageStep> stepFromKey(const QString &key);
    static QString stepLabel(MessageStep s);     // "Legal review"
    static QString stepRoleKey(MessageStep s);   // "legal-officer"
    static QString stepRoleTitle(MessageStep s); // "Legal Officer"
    static QList<MessageStep> chain();           // Draft … Send
    static std::optional<MessageStep> nextStep(MessageStep s);
    // A business role's title by its key (the approvers, the officers, the liaison).
    static QString roleTitle(const QString &roleKey);

    static QString verdictKey(StepVerdict v); // "done", "approved", "changes"
    static std::optional<StepVerdict> verdictFromKey(const QString &key);

    static QList<NewActivity> defaultActivities();
    static QList<BriefingQuestion> briefingQuestions();
    static QString briefingQuestion(const QString &key); // empty: no such question

    // The departments (canonical keys: engineering, support, marketing, product, executive,
    // sales, hr, finance, legal) that must be told for an incident of this kind and severity.
    static QStringList requiredDepartments(IncidentKind kind, Severity severity);
    // The canonical key a directory department stands for ("customer-success" → support);
    // empty when it is none of them.
    static QString canonicalDepartment(const Department &department);
    static bool mustBeTold(const Department &department, IncidentKind kind, Severity severity);
    // Why a department is told, for the Internal Liaison (empty: no rule names it).
    static QString departmentReason(const Department &department);

    static QStringList inboundChannels(); // media, social
    static QString inboundOwnerRoleKey(const QString &channel);

    static constexpr qint64 PreliminaryAnalysisMs = 24LL * 3600 * 1000;
};

} // namespace cp
