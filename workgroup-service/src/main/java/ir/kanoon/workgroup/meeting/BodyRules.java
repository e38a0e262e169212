package ir.kanoon.workgroup.meeting;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Quorum and majority per body from settings ({@code kanoon.workgroup.quorum.<body>}, {@code .majority.<body>}). */
@ApplicationScoped
public class BodyRules {

    @Inject
    @ConfigProperty(name = "kanoon.workgroup.quorum.board-of-trustees", defaultValue = "0.5")
    double quorumBoard;
    @Inject
    @ConfigProperty(name = "kanoon.workgroup.quorum.association", defaultValue = "0.5")
    double quorumAssociation;
    @Inject
    @ConfigProperty(name = "kanoon.workgroup.quorum.working-group", defaultValue = "0.5")
    double quorumGroup;
    @Inject
    @ConfigProperty(name = "kanoon.workgroup.majority.board-of-trustees", defaultValue = "0.5")
    double majorityBoard;
    @Inject
    @ConfigProperty(name = "kanoon.workgroup.majority.association", defaultValue = "0.5")
    double majorityAssociation;
    @Inject
    @ConfigProperty(name = "kanoon.workgroup.majority.working-group", defaultValue = "0.5")
    double majorityGroup;

    public Quorum quorum(Body body) {
        return new Quorum(switch (body) {
            case BOARD_OF_TRUSTEES -> quorumBoard;
            case ASSOCIATION -> quorumAssociation;
            case WORKING_GROUP -> quorumGroup;
        });
    }

    public Majority majority(Body body) {
        return new Majority(switch (body) {
            case BOARD_OF_TRUSTEES -> majorityBoard;
            case ASSOCIATION -> majorityAssociation;
            case WORKING_GROUP -> majorityGroup;
        });
    }
}
