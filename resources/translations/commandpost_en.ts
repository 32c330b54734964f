<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>cp::BackupActions</name>
    <message numerus="yes">
        <source>Backed up %n incident(s) and %1 entries to %2.</source>
        <translation>
            <numerusform>Backed up %n incident and %1 entries to %2.</numerusform>
            <numerusform>Backed up %n incidents and %1 entries to %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Replace everything in this database with the backup %1 (%n incident(s), %2 entries)?</source>
        <translation>
            <numerusform>Replace everything in this database with the backup %1 (%n incident, %2 entries)?</numerusform>
            <numerusform>Replace everything in this database with the backup %1 (%n incidents, %2 entries)?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cp::BusinessDock</name>
    <message numerus="yes">
        <source>&lt;b&gt;Emergency operations&lt;/b&gt; — %1 of %n outbound activities halted. Space ticks the selected one.</source>
        <translation>
            <numerusform>&lt;b&gt;Emergency operations&lt;/b&gt; — %1 of %n outbound activity halted. Space ticks the selected one.</numerusform>
            <numerusform>&lt;b&gt;Emergency operations&lt;/b&gt; — %1 of %n outbound activities halted. Space ticks the selected one.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Returning to normal&lt;/b&gt; — %1 of %n halted activities restarted, last halted first.</source>
        <translation>
            <numerusform>&lt;b&gt;Returning to normal&lt;/b&gt; — %1 of %n halted activity restarted, last halted first.</numerusform>
            <numerusform>&lt;b&gt;Returning to normal&lt;/b&gt; — %1 of %n halted activities restarted, last halted first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cp::BusinessRepository</name>
    <message numerus="yes">
        <source>Business incident declared: emergency operations — %n outbound activit(y/ies) to halt</source>
        <translation>
            <numerusform>Business incident declared: emergency operations — %n outbound activity to halt</numerusform>
            <numerusform>Business incident declared: emergency operations — %n outbound activities to halt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Returning to normal: restart %n halted activit(y/ies), last halted first</source>
        <translation>
            <numerusform>Returning to normal: restart %n halted activity, last halted first</numerusform>
            <numerusform>Returning to normal: restart %n halted activities, last halted first</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cp::CallScripts</name>
    <message numerus="yes">
        <source>%n action(s) open.</source>
        <translation>
            <numerusform>%n action open.</numerusform>
            <numerusform>%n actions open.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&gt; We are handling a %1, status %2, declared %n minutes ago.</source>
        <translation>
            <numerusform>&gt; We are handling a %1, status %2, declared %n minute ago.</numerusform>
            <numerusform>&gt; We are handling a %1, status %2, declared %n minutes ago.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cp::CommsDock</name>
    <message numerus="yes">
        <source>Phase: &lt;b&gt;%1&lt;/b&gt; · %n message(s)</source>
        <translation>
            <numerusform>Phase: &lt;b&gt;%1&lt;/b&gt; · %n message</numerusform>
            <numerusform>Phase: &lt;b&gt;%1&lt;/b&gt; · %n messages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cp::ReplayBar</name>
    <message numerus="yes">
        <source>%n step(s) could not be replayed</source>
        <translation>
            <numerusform>%n step could not be replayed</numerusform>
            <numerusform>%n steps could not be replayed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cp::ResolveDialog</name>
    <message numerus="yes">
        <source>%n item(s) still open. Settle each one, or say why it may stay as it is: the reason goes on the timeline.</source>
        <translation>
            <numerusform>%n item still open. Settle it, or say why it may stay as it is: the reason goes on the timeline.</numerusform>
            <numerusform>%n items still open. Settle each one, or say why it may stay as it is: the reason goes on the timeline.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cp::RoleChartDock</name>
    <message numerus="yes">
        <source>Assign %n people</source>
        <translation>
            <numerusform>Assign %n person</numerusform>
            <numerusform>Assign %n people</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cp::RoleRepository</name>
    <message numerus="yes">
        <source>Role structure: %1 (%n role(s))</source>
        <translation>
            <numerusform>Role structure: %1 (%n role)</numerusform>
            <numerusform>Role structure: %1 (%n roles)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %1 under %2 (%n role(s))</source>
        <translation>
            <numerusform>Added %1 under %2 (%n role)</numerusform>
            <numerusform>Added %1 under %2 (%n roles)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cp::RollCallRepository</name>
    <message numerus="yes">
        <source>Roll call %1 started — %n to report: %2</source>
        <translation>
            <numerusform>Roll call %1 started — %n to report: %2</numerusform>
            <numerusform>Roll call %1 started — %n to report: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> — off the missed list (%n earlier call(s) unanswered)</source>
        <translation>
            <numerusform> — off the missed list (%n earlier call unanswered)</numerusform>
            <numerusform> — off the missed list (%n earlier calls unanswered)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cp::RosterDock</name>
    <message numerus="yes">
        <source>Imported %n people from %1</source>
        <translation>
            <numerusform>Imported %n person from %1</numerusform>
            <numerusform>Imported %n people from %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n departments from %1</source>
        <translation>
            <numerusform>Imported %n department from %1</numerusform>
            <numerusform>Imported %n departments from %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cp::ServerClock</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cp::SessionGuard</name>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cp::ShadowWindow</name>
    <message numerus="yes">
        <source>%n new entries ↑</source>
        <translation>
            <numerusform>%n new entry ↑</numerusform>
            <numerusform>%n new entries ↑</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cp::TimelineModel</name>
    <message numerus="yes">
        <source>Amended %n time(s)</source>
        <translation>
            <numerusform>Amended once</numerusform>
            <numerusform>Amended %n times</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cp::TimelineRepository</name>
    <message numerus="yes">
        <source>Logging %n entries</source>
        <translation>
            <numerusform>Logging %n entry</numerusform>
            <numerusform>Logging %n entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cp::TimerRepository</name>
    <message numerus="yes">
        <source>Timer snoozed for %n min: “%1”</source>
        <translation>
            <numerusform>Timer snoozed for %n min: “%1”</numerusform>
            <numerusform>Timer snoozed for %n min: “%1”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> — %n missed period(s) skipped</source>
        <translation>
            <numerusform> — %n missed period skipped</numerusform>
            <numerusform> — %n missed periods skipped</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cp::TimersDock</name>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cp::cli::BusinessCommands</name>
    <message numerus="yes">
        <source>Briefing: %1 of %n questions answered</source>
        <translation>
            <numerusform>Briefing: %1 of %n question answered</numerusform>
            <numerusform>Briefing: %1 of %n questions answered</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cp::cli::CheckCommand</name>
    <message numerus="yes">
        <source>%1 is damaged: %n problem(s) found, the first: %2</source>
        <translation>
            <numerusform>%1 is damaged: %n problem found: %2</numerusform>
            <numerusform>%1 is damaged: %n problems found, the first: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cp::cli::ServerCommands</name>
    <message numerus="yes">
        <source>%1: %n problem(s) found, the first: %2</source>
        <translation>
            <numerusform>%1: %n problem found: %2</numerusform>
            <numerusform>%1: %n problems found, the first: %2</numerusform>
        </translation>
    </message>
</context>
</TS>
