//! The English edition. The body text is the original English top page, with its spelling
//! and the ministry's name corrected.

use super::*;

pub static EN: Content = Content {
    site: SiteText {
        name: "Sendai Cluster",
        organisation: "Sendai Knowledge Cluster Initiative",
        skip_link: "Skip to main content",
        nav_label: "Main",
        breadcrumbs_label: "Breadcrumb",
        home_crumb: "Home",
        page_top: "Page top",
        footer_label: "Contact the secretariat",
        copyright: "Copyright © 2011- SENDAI KNOWLEDGE CLUSTER INITIATIVE All Rights Reserved.",
        language_name: "English",
        language_switch_label: "Read this page in Japanese",
        error_notice: "Something went wrong on this page. The text is still here to read.",
        error_reload: "Reload the page",
    },
    about: AboutText {
        head: PageHead {
            title: "About Sendai Cluster",
            description: "Sendai Cluster takes part in MEXT's Knowledge Cluster Initiative: what a \
                Knowledge Cluster is, and the policy behind it.",
        },
        sections: &[
            Section {
                heading: "Policy background",
                paragraphs: &[
                    "The Second Science and Technology Basic Plan, established by a Cabinet Decision \
                     in March 2001, called for the creation of Knowledge Clusters in the different \
                     regions of Japan. Moreover, the Third Science and Technology Basic Plan, \
                     established by a Cabinet Decision in March 2006, called for selective support \
                     of regions that have the potential to develop as world-class clusters.",
                ],
            },
            Section {
                heading: "What a Knowledge Cluster is",
                paragraphs: &[
                    "A “Knowledge Cluster” is a system for technological innovation. Organized by \
                     local initiative around universities and other public research institutions \
                     with original R&D topics and potential, the system also features participation \
                     by companies inside and outside the region.",
                    "More specifically, a Knowledge Cluster establishes a network of individuals in \
                     academia and the private and government sectors through project planning, \
                     joint research, and exchanges of ideas. The Knowledge Cluster creates a system \
                     successively fostering technological innovation while stimulating interaction \
                     between the technological “seeds” of core research institutions and the \
                     practical needs of the business world based on close collaboration and daily \
                     communication. Developing this system will allow Japan to draw people, things \
                     and money and will allow Japan to expand its technological innovation on a \
                     global level.",
                ],
            },
            Section {
                heading: "MEXT’s Knowledge Cluster Initiative",
                paragraphs: &[
                    "The Ministry of Education, Culture, Sports, Science and Technology (MEXT) has \
                     been implementing the “Knowledge Cluster Initiative” since 2002 with the aim of \
                     creating Knowledge Clusters and revitalizing regional economies.",
                    "MEXT has been implementing the First Stage (which started in 2002) and is \
                     currently implementing the Second Stage (which started in 2007), which seeks \
                     to accelerate cluster development in light of past results.",
                ],
            },
        ],
        timeline_heading: "Key dates",
        timeline: &[
            TimelineEntry {
                datetime: "2001-03",
                date: "March 2001",
                event: "The Second Science and Technology Basic Plan, established by a Cabinet \
                    Decision, calls for the creation of Knowledge Clusters in the different regions \
                    of Japan.",
            },
            TimelineEntry {
                datetime: "2002",
                date: "2002",
                event: "MEXT starts the Knowledge Cluster Initiative with its First Stage.",
            },
            TimelineEntry {
                datetime: "2006-03",
                date: "March 2006",
                event: "The Third Science and Technology Basic Plan, established by a Cabinet \
                    Decision, calls for selective support of regions that have the potential to \
                    develop as world-class clusters.",
            },
            TimelineEntry {
                datetime: "2007",
                date: "2007",
                event: "The Second Stage starts, to accelerate cluster development in light of past \
                    results.",
            },
        ],
    },
    concept: ConceptText {
        head: PageHead {
            title: "The Knowledge Cluster Concept",
            description: "A diagram of the Knowledge Cluster concept: universities and public \
                research institutions at the core, companies around them, and a network of \
                academia, industry and government leading to innovation.",
        },
        intro: "The diagram shows how a Knowledge Cluster works, as the About page describes it.",
        diagram: DiagramText {
            title: "Diagram of the Knowledge Cluster concept",
            network: &["Network of people in"],
            sectors: ["Academia", "Private sector", "Government"],
            outside_companies: &["Companies outside the region"],
            region_companies: &["Companies in the region"],
            core: &["Universities and", "public research", "institutions"],
            seeds: &["Technological", "“seeds”"],
            needs: &["Practical needs", "of business"],
            innovation: &["Technological innovation"],
        },
        description_heading: "What the diagram shows",
        description: &[
            "At the core: universities and public research institutions with original R&D topics \
             and potential.",
            "Around them: companies inside the region, joined by companies from outside the region.",
            "Linking them: a network of individuals in academia and the private and government \
             sectors, built through project planning, joint research and exchanges of ideas.",
            "The technological “seeds” of the core research institutions meet the practical needs \
             of the business world, through close collaboration and daily communication.",
            "Together they form a system that successively fosters technological innovation.",
        ],
        source_heading: "Source",
        source_note: "The figure on the original page was copied from the Ministry of Education, \
            Culture, Sports, Science and Technology “Knowledge Cluster Initiative, 2008 Edition.” \
            The diagram above is not that figure: it is drawn from the text of this site.",
    },
    secretariat: SecretariatText {
        head: PageHead {
            title: "Secretariat",
            description: "Address, telephone and fax of the Sendai Knowledge Cluster Initiative \
                secretariat in Sendai.",
        },
        intro: "You can write to, call or fax the secretariat of the Sendai Knowledge Cluster \
            Initiative.",
        address_heading: "Address and numbers",
        address_lines: &["7F, 1-3-1, Chuo, Aoba-ku,", "Sendai 980-6107", "JAPAN"],
        tel_label: "TEL",
        fax_label: "FAX",
    },
    not_found: NotFoundText {
        head: PageHead {
            title: "Page not found",
            description: "There is no page at this address on the Sendai Cluster website.",
        },
        advice: &[
            "If you typed the web address, check it is correct.",
            "If you pasted the web address, check you copied the entire address.",
        ],
        pages_heading: "The pages of this site",
    },
};
