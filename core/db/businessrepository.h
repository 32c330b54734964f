#pragma once

#include "domain/business.h"
#include "domain/steptaker.h"
#include "storesession.h"

#include <QObject>

#include <optional>

namespace cp {

class IncidentRepository;
class RoleRepository;
class TimelineRepository;
class TimerRepository;

// Business incident mode. Every change is a communication entry on the timeline tagged
// "business". Mode, briefing, audiences and skipped cells announce businessChanged(incidentId);
// the checklist activityChanged, messages messageChanged (businessrepository_messages.cpp),
// departments told noticeChanged, inbound questions inboundChanged.
class BusinessRepository final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BusinessRepository)

public:
    BusinessRepository(StoreSession &session, TimelineRepository &timeline, IncidentRepository &incidents,
                       RoleRepository &roles, TimerRepository &timers, QObject *parent = nullptr);

    // Switches the business to emergency operations (the default checklist of outbound
    // activities to halt); adds the business roles when given. Refused when already declared.
    StoreError declare(qint64 incidentId, const BusinessDeclaration &declaration, const QString &author);
    Result<qint64> addActivity(qint64 incidentId, const NewActivity &activity, const QString &author);
    StoreError haltActivity(qint64 activityId, const QString &author);    // only in emergency operations
    StoreError restartActivity(qint64 activityId, const QString &author); // only after returnToNormal
    // Takes the last tick back (undo): a restart while restoring, a halt while in emergency.
    StoreError withdrawActivityTick(qint64 activityId, const QString &author);
    // Emergency → restoring; when no halted activity is left to restart the business is back to
    // normal (all clear) and the 24-hour preliminary analysis countdown starts.
    StoreError returnToNormal(qint64 incidentId, const QString &author);
    StoreError setAudiences(qint64 incidentId, const QStringList &audiences, const QString &author);
    StoreError answerBriefing(qint64 incidentId, const QString &questionKey, const QString &answer,
                              const QString &author);
    // A message enters the chain at the Legal Officer's review; one message per audience and phase.
    // Each version is recorded as the Technical SLT's (see StepTakers::forDraft); the author is
    // who entered it.
    Result<qint64> draftMessage(const NewMessage &draft, const QString &author, const StepSigner &signer = {});
    // A new version (the earlier ones are kept); the chain starts again at the legal review.
    StoreError reviseMessage(qint64 messageId, const QString &text, const QString &channel, const QString &author,
                             const StepSigner &signer = {});
    // Takes the step the message waits for, and only that one: any other step is refused. The step
    // is taken by a holder of its role, the author or the one they act for, or by the IC as an
    // override with a reason (StepTakers::forApproval); anyone else is refused.
    StoreError advanceMessage(qint64 messageId, MessageStep step, StepVerdict verdict, const QString &comment,
                              const QString &author, const StepSigner &signer = {});
    StoreError skipCell(qint64 incidentId, const QString &audience, const QString &phase, const QString &reason,
                        const QString &author);
    StoreError unskipCell(qint64 incidentId, const QString &audience, const QString &phase, const QString &author);
    // departmentKey: a department's key or name from the directory.
    Result<qint64> notifyDepartment(qint64 incidentId, const QString &departmentKey, const QString &method,
                                    const QString &note, const QString &author);
    StoreError withdrawNotice(qint64 noticeId, const QString &author); // undo
    Result<qint64> logInbound(qint64 incidentId, const QString &channel, const QString &from, const QString &question,
                              const QString &author);
    StoreError answerInbound(qint64 questionId, const QString &answer, const QString &author);
    // Who may take 'step' of a message to 'audience' now: its role's holders and the IC.
    Result<StepTakers::Staffing> staffing(qint64 incidentId, MessageStep step, const QString &audience) const;
    Result<std::optional<BusinessMode>> mode(qint64 incidentId) const;   // nullopt: not declared
    Result<QList<BusinessActivity>> activities(qint64 incidentId) const; // checklist order
    Result<BusinessActivity> activity(qint64 activityId) const;
    Result<QList<BriefingAnswer>> briefingAnswers(qint64 incidentId) const; // in question order
    Result<QList<Message>> messages(qint64 incidentId) const;               // oldest first, without versions and steps
    Result<Message> message(qint64 messageId) const;                        // with earlier versions and every step
    Result<QList<SkippedCell>> skippedCells(qint64 incidentId) const;
    Result<QList<StakeholderNotice>> stakeholderNotices(qint64 incidentId) const; // oldest first
    Result<QList<InboundQuestion>> inboundQuestions(qint64 incidentId) const;     // oldest first

signals:
    void businessChanged(qint64 incidentId);                    // mode, briefing, audiences or skipped cells
    void activityChanged(qint64 incidentId, qint64 activityId); // emergency checklist: added or ticked
    void messageChanged(qint64 incidentId, qint64 messageId);   // drafted, revised or moved along the chain
    void noticeChanged(qint64 incidentId, qint64 noticeId);     // a department told, or taken back
    void inboundChanged(qint64 incidentId, qint64 questionId);  // a media/social question logged or answered

private:
    static inline const QString BusinessTag = QStringLiteral("business"); // on every entry of ours
    static constexpr int MaxText = 20000;
    static StoreError invalid(const QString &message) { return {StoreError::Code::Invalid, message}; }
    enum class ActivityTick
    {
        Halt,
        Restart,
        Withdraw
    };
    void announce(const StoreChange &change);
    StoreError tickActivity(qint64 activityId, ActivityTick tick, const QString &author);
    Result<BusinessMode> modeInTx(WriteTransaction &tx, qint64 incidentId);
    Result<BusinessActivity> activityInTx(WriteTransaction &tx, qint64 activityId);
    Result<Message> messageInTx(WriteTransaction &tx, qint64 messageId);
    // Who a step of this message's chain is recorded as taken by; refused when nobody qualifies.
    Result<StepTaker> stepTakerInTx(WriteTransaction &tx, qint64 incidentId, MessageStep step, const QString &audience,
                                    const StepSigner &signer, const QString &author);
    StoreError insertActivity(WriteTransaction &tx, qint64 incidentId, const NewActivity &activity, bool userAdded,
                              const QString &author, qint64 *id);
    StoreError saveMode(WriteTransaction &tx, const BusinessMode &mode);
    StoreError allClearIfDone(WriteTransaction &tx, BusinessMode &mode, const QString &author);

    StoreSession &m_session;
    TimelineRepository &m_timeline;
    IncidentRepository &m_incidents;
    RoleRepository &m_roles;
    TimerRepository &m_timers;
};

} // namespace cp
